//! The campaign's table as an Excel workbook beside its CSV: typed cells
//! (numbers are numbers, dates are dates) that open right in any locale,
//! with no import dialog to get wrong.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::opendata::CampaignData;
use crate::opendata::table::{COLUMNS, Cell, rows};

/// The workbook's bytes. `created` (ISO date) is written as its creation
/// date, so the same data gives the same bytes.
pub fn workbook(campaign: &CampaignData, created: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(&campaign.title)
        .set_comment("loaxa");
    if let Some(date) = excel_date(created) {
        properties = properties.set_creation_datetime(&date);
    }
    book.set_properties(&properties);
    let bold = Format::new().set_bold().set_text_wrap();
    let day = Format::new().set_num_format("d/m/yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("so-lieu")?;
    for (c, column) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, column.header(), &bold)?;
        sheet.set_column_width(c, column_width(column.words))?;
    }
    for (r, row) in rows(campaign).iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Cell::Integer(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Number(x) => {
                    sheet.write_number(r, c, *x)?;
                }
                Cell::Flag(b) => {
                    sheet.write_number(r, c, u8::from(*b))?;
                }
                Cell::Date(d) => match excel_date(d) {
                    Some(date) => {
                        sheet.write_date_with_format(r, c, &date, &day)?;
                    }
                    None => {
                        sheet.write_string(r, c, d)?;
                    }
                },
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

fn column_width(words: &str) -> f64 {
    (words.chars().count() as f64 * 0.9 + 4.0).clamp(10.0, 28.0)
}

fn excel_date(iso: &str) -> Option<ExcelDateTime> {
    let date: chrono::NaiveDate = iso.parse().ok()?;
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).ok()?,
        date.month() as u8,
        date.day() as u8,
    )
    .ok()
}
