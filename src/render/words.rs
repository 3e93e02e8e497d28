//! The site's own words in each language, handed to templates as `t`.
