//! XML reading shared by the Disqus and WordPress importers (TODO issue 12).
