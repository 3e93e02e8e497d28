//! `data/site.yaml`: the commune, its hotline, contacts and apps.

use chrono_tz::Tz;

use crate::source::yaml::Pos;
use crate::vi::Lang;

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub commune: String,
    pub province: String,
    pub language: Lang,
    pub base_url: Option<String>,
    pub timezone: Tz,
    pub theme: String,
    pub sample: bool,
    pub portal: Option<Portal>,
    pub hotline: Hotline,
    pub contacts: Vec<Contact>,
    pub apps: Vec<App>,
}

#[derive(Debug, Clone)]
pub struct Portal {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Hotline {
    pub number: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone)]
pub struct App {
    pub id: String,
    pub pos: Pos,
    pub name: String,
    pub summary: Option<String>,
    pub ios: Option<String>,
    pub android: Option<String>,
    pub guide: Option<String>,
}

/// The time zone of a site that names none: Vietnam's.
pub const DEFAULT_TIMEZONE: Tz = Tz::Asia__Ho_Chi_Minh;
