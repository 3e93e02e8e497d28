//! The open-data schema: one set of types, written by the build (JSON, CSV,
//! xlsx, `datapackage.json`) and read back by the roll-ups. Nothing here
//! knows the model or the pages; `render::data_export` fills these types.
//!
//! Conventions, the same in every file:
//! - every share is a **percent, 0–100** (`rate_percent`, `target_percent`,
//!   `progress_percent`);
//! - counts of people (or of the indicator's `unit`) are integers;
//! - `needed` says its unit in `needed_unit`: `count` (the indicator's unit)
//!   or `percentage_points`; the paces are in the same unit per day;
//! - dates are ISO 8601 (`2026-05-29`);
//! - links are relative to the file that holds them (absolute with a base URL);
//! - `sample: true` marks made-up figures, `approximate: true` figures the
//!   source gave as "about".

pub mod package;
pub mod table;
pub mod xlsx;

use std::path::Path;

use serde::{Deserialize, Serialize};

/// `data.json` of one site.
pub const SITE_FORMAT: &str = "loaxa-data-2";
/// `data.json` of a roll-up (a province, or any higher level).
pub const ROLLUP_FORMAT: &str = "loaxa-rollup-2";

/// A site's (or roll-up's) JSON, at the output's root.
pub const SITE_JSON: &str = "data.json";
/// The Frictionless Data Package describing the CSVs.
pub const DATAPACKAGE: &str = "datapackage.json";

/// `data.json`: a site and every campaign.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteData {
    pub format: String,
    pub commune: String,
    pub province: String,
    pub title: String,
    #[serde(default)]
    pub sample: bool,
    /// The day the figures were derived for (days left, status).
    pub today: String,
    pub campaigns: Vec<CampaignData>,
}

/// One campaign: `chien-dich/ID/so-lieu.json`, and an item of `data.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CampaignData {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub sample: bool,
    pub start: Option<String>,
    pub deadline: Option<String>,
    /// The campaign's page, relative to this file.
    pub url: String,
    /// Its CSV and xlsx, relative to this file.
    pub csv: String,
    pub xlsx: String,
    pub indicators: Vec<IndicatorData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndicatorData {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
    pub population: Option<u64>,
    pub target_percent: Option<f64>,
    pub target_count: Option<u64>,
    pub target_date: Option<String>,
    pub derived: Derived,
    pub figures: Vec<FigureData>,
    #[serde(default)]
    pub breakdowns: Vec<BreakdownData>,
}

/// Computed by loaxa, never copied from the source files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Derived {
    pub status: String,
    pub latest_date: Option<String>,
    pub rate_percent: Option<f64>,
    pub count: Option<u64>,
    pub remaining: Option<u64>,
    /// The latest figure was "about" (or a count derived from a rate).
    #[serde(default)]
    pub approximate: bool,
    /// Still needed to reach the target, in `needed_unit`.
    pub needed: Option<Amount>,
    /// `count` (the indicator's unit) or `percentage_points`.
    pub needed_unit: Option<String>,
    /// How far toward the target, 0–100.
    pub progress_percent: Option<f64>,
    pub days_left: Option<i64>,
    /// In `needed_unit` per day.
    pub pace_per_day: Option<f64>,
    pub pace_needed_per_day: Option<f64>,
    pub projected_date: Option<String>,
    /// `count`, `percentage_points` or `remaining`.
    pub measure: Option<String>,
}

/// A count (an integer) or percentage points (a decimal).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    Count(u64),
    Points(f64),
}

impl Amount {
    pub fn as_f64(self) -> f64 {
        match self {
            Amount::Count(n) => n as f64,
            Amount::Points(p) => p,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FigureData {
    pub date: String,
    pub count: Option<u64>,
    pub rate_percent: Option<f64>,
    pub remaining: Option<u64>,
    pub population: Option<u64>,
    pub stated_percent: Option<f64>,
    pub approximate: bool,
    pub rank_position: Option<u64>,
    pub rank_of: Option<u64>,
    pub source: Option<String>,
}

/// One breakdown of an indicator on a day ("by đơn vị").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BreakdownData {
    pub date: String,
    pub by: String,
    pub rows: Vec<BreakdownRowData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BreakdownRowData {
    pub name: String,
    pub count: u64,
    pub population: Option<u64>,
    pub rate_percent: Option<f64>,
    pub target_count: Option<u64>,
    pub target_percent: Option<f64>,
}

/// A roll-up's `data.json`: every commune's site data, with the link from
/// the roll-up's page to the commune's site. A higher roll-up reads these.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RollupData {
    pub format: String,
    pub title: String,
    pub communes: Vec<CommuneData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CommuneData {
    /// The commune's site, relative to the roll-up's `data.json`; ends with `/`.
    pub link: String,
    pub site: SiteData,
}

/// Rounds for publication: enough digits to recompute, no float noise.
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// Pretty JSON with a final newline.
pub fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Why a `data.json` could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The file is missing or unreadable.
    Io(std::io::Error),
    /// Not JSON, or not the schema: serde's message, with line and column.
    Malformed(serde_json::Error),
    /// JSON of another format (the `format` field).
    Format(String),
}

/// Any of the `data.json` files: `format` tells which.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
}

/// Either kind of `data.json`, as read by a roll-up.
pub enum Shard {
    Site(SiteData),
    Rollup(RollupData),
}

/// Reads a site's or a roll-up's `data.json`.
pub fn read_shard(path: &Path) -> Result<Shard, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    let header: Header = serde_json::from_slice(&bytes).map_err(ReadError::Malformed)?;
    match header.format.as_deref() {
        Some(SITE_FORMAT) => serde_json::from_slice(&bytes)
            .map(Shard::Site)
            .map_err(ReadError::Malformed),
        Some(ROLLUP_FORMAT) => serde_json::from_slice(&bytes)
            .map(Shard::Rollup)
            .map_err(ReadError::Malformed),
        other => Err(ReadError::Format(other.unwrap_or("").to_string())),
    }
}

/// A site's `data.json`, or why not.
pub fn read_site(path: &Path) -> Result<SiteData, ReadError> {
    match read_shard(path)? {
        Shard::Site(site) => Ok(site),
        Shard::Rollup(_) => Err(ReadError::Format(ROLLUP_FORMAT.into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_integers_integers() {
        assert_eq!(serde_json::to_string(&Amount::Count(7469)).unwrap(), "7469");
        assert_eq!(
            serde_json::to_string(&Amount::Points(25.5)).unwrap(),
            "25.5"
        );
        let back: Amount = serde_json::from_str("7469").unwrap();
        assert_eq!(back, Amount::Count(7469));
    }
}
