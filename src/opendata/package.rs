//! `datapackage.json`: a Frictionless Data Package (v1) listing every
//! campaign's CSV with its Table Schema, so portals (CKAN) and tools read
//! the types, the decimal comma and the units without guessing.

use serde_json::{Value, json};

use crate::opendata::table::{COLUMNS, Kind};
use crate::opendata::{SiteData, to_json};

/// A resource: the CSV's path from the package and its campaign.
pub struct Resource<'a> {
    pub path: String,
    pub campaign_id: &'a str,
    pub title: &'a str,
}

fn field(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({ "type": "string" }),
        Kind::Integer => json!({ "type": "integer", "constraints": { "minimum": 0 } }),
        Kind::Number => json!({ "type": "number", "decimalChar": "," }),
        Kind::Date => json!({ "type": "date", "format": "default" }),
        Kind::Flag => json!({ "type": "boolean", "trueValues": ["1"], "falseValues": ["0"] }),
    }
}

/// The Table Schema every campaign CSV follows.
pub fn table_schema() -> Value {
    let fields: Vec<Value> = COLUMNS
        .iter()
        .map(|c| {
            let mut f = field(c.kind);
            f["name"] = json!(c.header());
            f["title"] = json!(c.words);
            f["description"] = json!(format!("{} [{}]", c.description, c.id));
            f
        })
        .collect();
    json!({ "fields": fields, "missingValues": [""] })
}

/// The package: the site's identity and one resource per campaign CSV.
pub fn datapackage(site: &SiteData, resources: &[Resource]) -> Vec<u8> {
    let schema = table_schema();
    let resources: Vec<Value> = resources
        .iter()
        .map(|r| {
            json!({
                "name": r.campaign_id,
                "title": r.title,
                "path": r.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": { "delimiter": ",", "quoteChar": "\"", "header": true },
                "schema": schema,
            })
        })
        .collect();
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": crate::vi::slugify(&format!("{} {}", site.province, site.commune)),
        "title": site.title,
        "description": format!(
            "Số liệu các chiến dịch chuyển đổi số của {}, {}. Tỷ lệ tính bằng phần trăm 0–100; số thập phân dùng dấu phẩy.",
            site.commune, site.province
        ),
        "resources": resources,
    });
    if site.sample {
        package["keywords"] = json!(["dữ liệu minh họa", "sample"]);
    }
    to_json(&package)
}
