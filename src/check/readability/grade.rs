//! Published interpretation tables of ease scores, as US school grades.
//!
//! Each table is a list of (ease, grade) anchors taken from the formula's published
//! bands; between anchors the grade is interpolated linearly, beyond them the nearest
//! segment is extended. An anchor puts a band's highest grade at its lowest ease, so
//! the middle of Flesch's "60–70: 8th–9th grade" band, 65, is grade 8.0.

/// (ease, grade) anchors, ease descending.
pub type Table = &'static [(f64, f64)];

/// Flesch (1949) "How to test readability": 90–100 very easy, 5th grade; 80–90 easy,
/// 6th; 70–80 fairly easy, 7th; 60–70 standard, 8th–9th; 50–60 fairly difficult,
/// 10th–12th; 30–50 difficult, college (13th–16th); 0–30 very difficult, graduate.
/// Amstad (German), Kandel & Moles (French), Oborneva (Russian) and Douma (Dutch)
/// recalibrated the formula so that this table applies to their languages.
pub const FLESCH: Table = &[
    (100.0, 4.0),
    (90.0, 5.0),
    (80.0, 6.0),
    (70.0, 7.0),
    (60.0, 9.0),
    (50.0, 12.0),
    (30.0, 16.0),
    (0.0, 18.0),
];

/// Fernández Huerta (1959), Spanish, one grade below Flesch's: 90–100 muy fácil, 4º
/// grado; 80–90 fácil, 5º; 70–80 algo fácil, 6º; 60–70 normal, 7º–8º; 50–60 algo
/// difícil, preuniversitario (9th–12th); 30–50 difícil, cursos selectivos (college);
/// 0–30 muy difícil, universitario (especialización).
pub const FERNANDEZ_HUERTA: Table = &[
    (100.0, 3.0),
    (90.0, 4.0),
    (80.0, 5.0),
    (70.0, 6.0),
    (60.0, 8.0),
    (50.0, 12.0),
    (30.0, 16.0),
    (0.0, 18.0),
];

/// Martins et al. (1996), Brazilian Portuguese: 75–100 muito fácil, 1st–4th grade;
/// 50–75 fácil, 5th–8th; 25–50 difícil, ensino médio (9th–12th); 0–25 muito difícil,
/// higher education.
pub const MARTINS: Table = &[
    (100.0, 1.0),
    (75.0, 4.0),
    (50.0, 8.0),
    (25.0, 12.0),
    (0.0, 16.0),
];

/// Lucisano & Piemontese (1988), Gulpease: below 80 hard for readers with primary
/// schooling (licenza elementare, 5 years), below 60 for lower secondary (licenza
/// media, 8 years), below 40 for upper secondary (diploma, taken here as US 12th).
pub const GULPEASE: Table = &[(80.0, 5.0), (60.0, 8.0), (40.0, 12.0)];

/// The grade of `ease` by `table`.
pub fn of(ease: f64, table: Table) -> f64 {
    let segment = table
        .windows(2)
        .find(|pair| ease >= pair[1].0)
        .unwrap_or(&table[table.len().saturating_sub(2)..]);
    match segment {
        [(e0, g0), (e1, g1)] => g1 + (ease - e1) * (g0 - g1) / (e0 - e1),
        // Tables have at least two anchors (tested).
        _ => f64::NAN,
    }
}
