//! A campaign's figures as one table — a row per reported figure and per
//! breakdown row — and that table as CSV. The same columns make the xlsx
//! sheet and the Table Schema of `datapackage.json`.
//!
//! The CSV is for a Vietnamese office: UTF-8 with a BOM (Excel and
//! LibreOffice then read the diacritics right), a header of Vietnamese words
//! with the stable id in brackets (`Ngày (date)`), decimals with a comma
//! (`"4,4447"`, quoted) so a vi-VN spreadsheet reads them as numbers, ISO
//! dates, `1`/`0` for yes/no. `datapackage.json` says all of this to
//! machines (`decimalChar: ","`).

use crate::opendata::{CampaignData, IndicatorData, round};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    /// A decimal.
    Number,
    Date,
    /// Yes (1) or no (0).
    Flag,
}

pub struct Column {
    /// Stable, never renamed.
    pub id: &'static str,
    /// What an officer reads.
    pub words: &'static str,
    pub kind: Kind,
    pub description: &'static str,
}

impl Column {
    /// The header cell: `Ngày (date)`.
    pub fn header(&self) -> String {
        format!("{} ({})", self.words, self.id)
    }
}

const fn col(
    id: &'static str,
    words: &'static str,
    kind: Kind,
    description: &'static str,
) -> Column {
    Column {
        id,
        words,
        kind,
        description,
    }
}

pub const COLUMNS: &[Column] = &[
    col(
        "campaign",
        "Chiến dịch",
        Kind::Text,
        "Mã chiến dịch (tên tệp dữ liệu).",
    ),
    col(
        "indicator",
        "Mã chỉ số",
        Kind::Text,
        "Mã chỉ số trong chiến dịch.",
    ),
    col("label", "Chỉ số", Kind::Text, "Tên chỉ số."),
    col(
        "unit",
        "Đơn vị tính",
        Kind::Text,
        "Đơn vị của các số đếm (người, tài khoản…).",
    ),
    col(
        "group_by",
        "Chia theo",
        Kind::Text,
        "Dòng chia nhỏ: chia theo gì (đơn vị, thôn…); trống với số liệu của cả xã.",
    ),
    col(
        "group",
        "Nhóm",
        Kind::Text,
        "Dòng chia nhỏ: tên nhóm; trống với số liệu của cả xã.",
    ),
    col(
        "date",
        "Ngày",
        Kind::Date,
        "Ngày của số liệu (năm-tháng-ngày).",
    ),
    col(
        "count",
        "Số đã thực hiện",
        Kind::Integer,
        "Số đã thực hiện, theo đơn vị tính.",
    ),
    col(
        "remaining",
        "Số chưa thực hiện",
        Kind::Integer,
        "Số còn lại chưa thực hiện.",
    ),
    col(
        "population",
        "Tổng số",
        Kind::Integer,
        "Tổng số đối tượng (mẫu số của tỷ lệ).",
    ),
    col(
        "rate_percent",
        "Tỷ lệ %",
        Kind::Number,
        "Tỷ lệ đã thực hiện, phần trăm 0–100.",
    ),
    col(
        "target_count",
        "Chỉ tiêu (số)",
        Kind::Integer,
        "Chỉ tiêu tính bằng số.",
    ),
    col(
        "target_percent",
        "Chỉ tiêu %",
        Kind::Number,
        "Chỉ tiêu tính bằng phần trăm 0–100.",
    ),
    col(
        "stated_percent",
        "Tỷ lệ ghi trong văn bản %",
        Kind::Number,
        "Tỷ lệ như văn bản ghi, phần trăm 0–100.",
    ),
    col(
        "approximate",
        "Số ước chừng (1 = có)",
        Kind::Flag,
        "1: văn bản ghi \"khoảng\", hoặc số đếm được suy ra từ tỷ lệ.",
    ),
    col(
        "rank_position",
        "Xếp hạng",
        Kind::Integer,
        "Thứ hạng do văn bản nêu.",
    ),
    col(
        "rank_of",
        "Trên tổng số",
        Kind::Integer,
        "Xếp hạng trên tổng số bao nhiêu đơn vị.",
    ),
    col(
        "source",
        "Nguồn",
        Kind::Text,
        "Cơ quan, văn bản cung cấp số liệu.",
    ),
    col(
        "sample",
        "Dữ liệu minh họa (1 = có)",
        Kind::Flag,
        "1: số liệu tự đặt để minh họa, không phải số liệu chính thức.",
    ),
];

/// One cell of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(u64),
    Number(f64),
    /// ISO `YYYY-MM-DD`.
    Date(String),
    Flag(bool),
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn opt_int(x: Option<u64>) -> Cell {
    x.map_or(Cell::Empty, Cell::Integer)
}

fn opt_num(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, |x| Cell::Number(round(x, 4)))
}

fn opt_text(x: Option<&str>) -> Cell {
    x.map_or(Cell::Empty, text)
}

/// Every row, in the order of `COLUMNS`: each indicator's figures, then its
/// breakdown rows.
pub fn rows(campaign: &CampaignData) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for i in &campaign.indicators {
        let lead = |group_by: Cell, group: Cell| {
            vec![
                text(&campaign.id),
                text(&i.id),
                text(&i.label),
                opt_text(i.unit.as_deref()),
                group_by,
                group,
            ]
        };
        for f in &i.figures {
            let mut row = lead(Cell::Empty, Cell::Empty);
            row.extend([
                Cell::Date(f.date.clone()),
                opt_int(f.count),
                opt_int(f.remaining),
                opt_int(f.population),
                opt_num(f.rate_percent),
                opt_int(i.target_count),
                opt_num(i.target_percent),
                opt_num(f.stated_percent),
                Cell::Flag(f.approximate),
                opt_int(f.rank_position),
                opt_int(f.rank_of),
                opt_text(f.source.as_deref()),
                Cell::Flag(campaign.sample),
            ]);
            rows.push(row);
        }
        rows.extend(breakdown_rows(campaign, i, &lead));
    }
    rows
}

fn breakdown_rows(
    campaign: &CampaignData,
    i: &IndicatorData,
    lead: &dyn Fn(Cell, Cell) -> Vec<Cell>,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for b in &i.breakdowns {
        for r in &b.rows {
            let mut row = lead(text(&b.by), text(&r.name));
            row.extend([
                Cell::Date(b.date.clone()),
                Cell::Integer(r.count),
                opt_int(r.population.map(|p| p.saturating_sub(r.count))),
                opt_int(r.population),
                opt_num(r.rate_percent),
                opt_int(r.target_count),
                opt_num(r.target_percent),
                Cell::Empty,
                Cell::Flag(false),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Flag(campaign.sample),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// A decimal with a comma and no thousands separator: `4,4447`.
fn decimal(x: f64) -> String {
    x.to_string().replace('.', ",")
}

/// The CSV: BOM, header, rows; CRLF line ends (RFC 4180).
pub fn csv(campaign: &CampaignData) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = COLUMNS.iter().map(|c| csv_text(&c.header())).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows(campaign) {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Empty => String::new(),
                Cell::Text(s) => csv_text(s),
                Cell::Integer(n) => n.to_string(),
                Cell::Number(x) => quote(&decimal(*x)),
                Cell::Date(d) => d.clone(),
                Cell::Flag(b) => u8::from(*b).to_string(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A text cell, quoted when needed, with spreadsheet formulas defused (a
/// cell starting with `=`, `+`, `-`, `@` is run by Excel).
fn csv_text(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        quote(&format!("'{cell}"))
    } else {
        quote(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_quoted_and_formulas_defused() {
        assert_eq!(
            csv_text("Sở Khoa học, Công nghệ"),
            "\"Sở Khoa học, Công nghệ\""
        );
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("-5"), "'-5");
    }

    #[test]
    fn decimals_take_a_comma() {
        assert_eq!(quote(&decimal(4.4447)), "\"4,4447\"");
        assert_eq!(quote(&decimal(30.0)), "30");
    }

    #[test]
    fn every_row_has_every_column() {
        assert_eq!(COLUMNS.len(), 19);
    }
}
