//! The language of a discussion, recognised from its text: for the page's `lang` and for
//! the search index, where Pagefind splits words by language (Chinese indexed as "en" is
//! never found).
//!
//! Deliberately simple: the letters of a sample of the text are counted by script, and the
//! script with the most decides. Latin text is English unless Turkish or German letters and
//! words are frequent enough. Anything else written in Latin letters (French, Spanish, …)
//! is called English; `--lang` overrides the guess.

/// How many letters are read at most: the start of a long discussion says enough.
const SAMPLE_LETTERS: usize = 20_000;

/// A Chinese, Japanese or Korean character counts as this many letters against the
/// alphabetic scripts: it carries about as much as a syllable written in Latin letters, so
/// a Chinese discussion with a few English names and links is still Chinese.
const CJK_WEIGHT: usize = 3;

/// Common German words, for telling German from other Latin text with umlauts.
const GERMAN_WORDS: &[&str] = &[
    "und", "der", "die", "das", "nicht", "ist", "ich", "mit", "sich", "auf", "ein", "eine", "zu",
    "den", "dem", "auch", "für", "wie", "aber", "wenn", "noch", "nur", "bei", "sind",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Han,
    Kana,
    Hangul,
    Cyrillic,
    Arabic,
    Hebrew,
    Greek,
    Thai,
}

const SCRIPTS: [Script; 9] = [
    Script::Latin,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Cyrillic,
    Script::Arabic,
    Script::Hebrew,
    Script::Greek,
    Script::Thai,
];

fn script(c: char) -> Option<Script> {
    let script = match u32::from(c) {
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x0400..=0x052F => Script::Cyrillic,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0E00..=0x0E7F => Script::Thai,
        0x0041..=0x024F | 0x1E00..=0x1EFF if c.is_alphabetic() => Script::Latin,
        _ => return None,
    };
    // Digits and punctuation inside those blocks (Thai digits, the kana middle dot) are
    // not letters.
    c.is_alphabetic().then_some(script)
}

#[derive(Default)]
struct Counts {
    scripts: [usize; SCRIPTS.len()],
    /// Latin text: ğ, ı, İ (Turkish only) and ş (Turkish, and old Romanian spelling).
    turkish_only: usize,
    turkish_s: usize,
    /// Latin text: ä, ö, ü, ß.
    umlauts: usize,
    latin_words: usize,
    german_words: usize,
}

impl Counts {
    fn get(&self, s: Script) -> usize {
        self.scripts[SCRIPTS.iter().position(|&x| x == s).expect("listed")]
    }

    fn letters(&self) -> usize {
        self.scripts.iter().sum()
    }

    fn word(&mut self, word: &str) {
        let mut latin = false;
        for c in word.chars() {
            let Some(s) = script(c) else { continue };
            self.scripts[SCRIPTS.iter().position(|&x| x == s).expect("listed")] += 1;
            if s == Script::Latin {
                latin = true;
                match c {
                    'ğ' | 'Ğ' | 'ı' | 'İ' => self.turkish_only += 1,
                    'ş' | 'Ş' => self.turkish_s += 1,
                    'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => self.umlauts += 1,
                    _ => {}
                }
            }
        }
        if latin {
            self.latin_words += 1;
            if GERMAN_WORDS
                .iter()
                .any(|g| word.len() == g.len() && word.to_lowercase() == *g)
            {
                self.german_words += 1;
            }
        }
    }
}

/// The language of `texts` (a discussion's headline and comments) as a BCP 47 tag
/// Pagefind understands: "zh-CN", "ja", "ko", "ru", "ar", "he", "el", "th", "tr", "de",
/// or "en" for any other Latin text and for text without letters.
pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> &'static str {
    let mut counts = Counts::default();
    'texts: for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            counts.word(word);
            if counts.letters() >= SAMPLE_LETTERS {
                break 'texts;
            }
        }
    }
    let weighted = |s: Script| match s {
        Script::Han | Script::Kana | Script::Hangul => counts.get(s) * CJK_WEIGHT,
        _ => counts.get(s),
    };
    // Han and kana together are one candidate: Japanese is written with both.
    let han_kana = weighted(Script::Han) + weighted(Script::Kana);
    let candidates = [
        (Script::Han, han_kana),
        (Script::Hangul, weighted(Script::Hangul)),
        (Script::Cyrillic, weighted(Script::Cyrillic)),
        (Script::Arabic, weighted(Script::Arabic)),
        (Script::Hebrew, weighted(Script::Hebrew)),
        (Script::Greek, weighted(Script::Greek)),
        (Script::Thai, weighted(Script::Thai)),
        (Script::Latin, weighted(Script::Latin)),
    ];
    // Ties go to Latin (last), and so does text without letters.
    let (top, _) = candidates
        .iter()
        .copied()
        .max_by_key(|&(_, n)| n)
        .expect("not empty");
    match top {
        // Japanese prose is a third or more kana; Chinese has none, or the odd quoted の.
        Script::Han | Script::Kana if counts.get(Script::Kana) * 10 >= han_kana / CJK_WEIGHT => {
            "ja"
        }
        Script::Han | Script::Kana => "zh-CN",
        Script::Hangul => "ko",
        Script::Cyrillic => "ru",
        Script::Arabic => "ar",
        Script::Hebrew => "he",
        Script::Greek => "el",
        Script::Thai => "th",
        Script::Latin => latin(&counts),
    }
}

fn latin(counts: &Counts) -> &'static str {
    let letters = counts.get(Script::Latin).max(1);
    // Turkish text is several percent ı, ş and ğ; a Turkish name in English text is far
    // below 1%. ş alone is also old Romanian spelling, so ğ, ı or İ must appear too.
    if counts.turkish_only > 0 && (counts.turkish_only + counts.turkish_s) * 100 >= letters {
        return "tr";
    }
    // German: umlauts, and its commonest words are a good part of the text (a fifth or
    // more in German prose; "die" or "den" in English is far less).
    if counts.umlauts * 200 >= letters
        && counts.german_words >= 2
        && counts.german_words * 100 >= counts.latin_words * 15
    {
        return "de";
    }
    "en"
}

/// Whether `tag` can be given as `--lang`: a plausible BCP 47 tag, 2 to 35 ASCII letters,
/// digits and hyphens, starting with a 2 or 3 letter language ("en", "zh-CN", "pt-BR").
/// Only the shape is checked, not the registry.
pub fn is_valid(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or("");
    (2..=35).contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && !tag.ends_with('-')
        && !tag.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> &'static str {
        detect(std::iter::once(text))
    }

    // import/fixtures/disqus-yesilmavihayat-tr.xml
    const TURKISH: &[&str] = &[
        "Deneme",
        "Hepinize tüm desteğiniz ve gönderdiğiniz fotoğraflar için çok teşekkür ederim🙏",
        "Öncelikle arkasında çok büyük bir araştırma ve okumanın olduğunu gördüm. Bana pek çok \
         konuda daha derin düşünme fırsatı verdi kitaptaki fikirler..Yazım tarzı da son derece \
         akıcı ve keyif veriyor. Dilerim bu, daha bir çok kitabın ilki olur, pek çok okuyucuya \
         ulaşır.",
    ];

    // import/fixtures/disqus-tanglei-zh.xml
    const CHINESE: &[&str] = &[
        "还可以用 vi 自己编辑源文件来玩儿 - - 囧~  妥妥的犀利了~",
        "@游侠UFO  :lol: 确实很强大啊。膜拜作者。",
        "恭喜，恭喜，博主牛人啊！",
    ];

    // import/fixtures/hn-algolia-18475438.json
    const ENGLISH: &str = "During pentests most testers run the usual route of attacking the \
        domain. In my opinion it's not realistic, because most attackers don't attack domains. \
        They attack applications.";

    #[test]
    fn turkish_fixture_is_turkish() {
        assert_eq!(detect(TURKISH.iter().copied()), "tr");
        // Even a comment written mostly without Turkish letters, among the others.
        let ascii_ish = "Elime almam ile akisi, icine cekmesi ve guzel anlatimi ile cok ozel \
                         bir hissiyat yaratıyor, kendimize almanin haricinde dostlarimiza \
                         hediye olarak alıp iletmeye başladık.";
        assert_eq!(one(ascii_ish), "tr");
    }

    #[test]
    fn chinese_fixture_is_simplified_chinese() {
        assert_eq!(detect(CHINESE.iter().copied()), "zh-CN");
        // Latin letters (a user name, an emoticon) do not outweigh the Han characters.
        assert_eq!(one(CHINESE[1]), "zh-CN");
    }

    #[test]
    fn japanese_fixture_is_japanese() {
        // import/fixtures/mastodon-context-2017-string-ids.json
        assert_eq!(one("何年ぶりだろう。「ミラノサンド」と発音したのは"), "ja");
    }

    #[test]
    fn english_is_english() {
        assert_eq!(one(ENGLISH), "en");
        // A Turkish name in English text is not enough.
        assert_eq!(
            one("Thanks Ayşe, I agree with everything you wrote about the book."),
            "en"
        );
        // Nor a German one.
        assert_eq!(
            one("Jürgen says the die was cast before the meeting started."),
            "en"
        );
    }

    #[test]
    fn no_letters_is_english() {
        assert_eq!(detect(std::iter::empty()), "en");
        assert_eq!(one("+1 👍 :) 2024-01-01"), "en");
    }

    #[test]
    fn other_scripts() {
        assert_eq!(one("Привет, как дела? Это обсуждение книги."), "ru");
        assert_eq!(one("مرحبا بكم في هذا النقاش"), "ar");
        assert_eq!(one("שלום לכולם, זה דיון מעניין"), "he");
        assert_eq!(one("Γεια σας, αυτή είναι μια συζήτηση"), "el");
        assert_eq!(one("สวัสดีครับ นี่คือการสนทนา"), "th");
        assert_eq!(one("안녕하세요, 이것은 토론입니다"), "ko");
    }

    #[test]
    fn german() {
        assert_eq!(
            one(
                "Ich finde das Buch sehr schön, aber die Übersetzung ist nicht gut und \
                 für mich zu schwer."
            ),
            "de"
        );
    }

    #[test]
    fn mixed_texts_go_by_the_majority() {
        let texts = [ENGLISH, "好的", ENGLISH];
        assert_eq!(detect(texts.into_iter()), "en");
        let texts = [CHINESE[0], CHINESE[2], "ok, thanks"];
        assert_eq!(detect(texts.into_iter()), "zh-CN");
    }

    #[test]
    fn valid_tags() {
        for tag in ["en", "zh-CN", "pt-BR", "tr", "ast", "sr-Latn-RS", "es-419"] {
            assert!(is_valid(tag), "{tag}");
        }
        for tag in [
            "",
            "e",
            "english1",
            "1en",
            "en_US",
            "en-",
            "-en",
            "en--us",
            "zh CN",
            "ελ",
            "abcd",
            "en-\u{00e9}",
        ] {
            assert!(!is_valid(tag), "{tag}");
        }
        assert!(!is_valid(&format!("en-{}", "a".repeat(40))));
    }
}
