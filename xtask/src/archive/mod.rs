//! Static archives: a whole Disqus or WordPress export (or a folder of discussions)
//! becomes one site (being written).

mod moving;
mod search;
