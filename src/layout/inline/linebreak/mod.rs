//! Total-fit (Knuth–Plass) line breaking over boxes, glue and penalties.
//!
//! Two styles share the algorithm and differ only in how a line's looseness is
//! measured: justified lines stretch and shrink their inter-word glue (TeX's badness);
//! ragged-right lines keep natural spaces and are scored by how far they end from the
//! measure, so total-fit evens out the right edge instead of filling each line greedily.

/// An element of a paragraph, sized in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Unbreakable material (a word or part of one).
    Box { width: f32 },
    /// A space: breakable if it follows a box.
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
    },
    /// A possible break with a cost; `width` is drawn only if the line breaks here
    /// (a hyphen). `flagged` marks hyphen breaks (two in a row cost extra).
    Penalty {
        width: f32,
        cost: f32,
        flagged: bool,
    },
}

/// Hyphen cost in ragged text: high enough that only a very short line buys one.
const HYPHEN_RAGGED: f32 = 100.0;

/// A cost at or above this never breaks; at or below its negative always breaks.
pub const INFINITY: f32 = 10_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Justified,
    RaggedRight,
}

/// Tuning of the algorithm; the defaults are TeX's plain-format values.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub mode: Mode,
    pub tolerance: f32,
    pub line_penalty: f32,
    /// Cost of breaking at a hyphen.
    pub hyphen_penalty: f32,
    pub double_hyphen_demerits: f32,
    pub final_hyphen_demerits: f32,
    pub adjacent_fitness_demerits: f32,
    /// Ragged only: the stretch of the virtual right margin (TeX's \rightskip), in points.
    pub ragged_stretch: f32,
    /// Score the last line like the others (balanced titles and headings).
    pub balance: bool,
    /// A last line starting at or after this item is a runt (see
    /// `itemize::runt_from`): it is not a feasible break but in the last, emergency
    /// pass, where it pays `runt_demerits` (less than an overfull line).
    pub runt_from: Option<usize>,
    pub runt_demerits: f32,
}

impl Params {
    pub fn new(mode: Mode, font_size: f32) -> Self {
        Params {
            mode,
            tolerance: if mode == Mode::Justified {
                200.0
            } else {
                1000.0
            },
            line_penalty: 10.0,
            // Ragged text hyphenates only to avoid a very ragged line (RNIB: minimise
            // hyphenation); justified text uses TeX's \hyphenpenalty.
            hyphen_penalty: if mode == Mode::Justified {
                50.0
            } else {
                HYPHEN_RAGGED
            },
            double_hyphen_demerits: 10_000.0,
            // TeX uses 5000; a hyphenated penultimate line leaving a stub ("ment.") is
            // worse in a patient leaflet than a slightly looser paragraph.
            final_hyphen_demerits: 100_000.0,
            adjacent_fitness_demerits: 10_000.0,
            ragged_stretch: 2.5 * font_size,
            balance: false,
            runt_from: None,
            runt_demerits: 1_000_000.0,
        }
    }
}

/// A chosen line: items `start..end`, broken at `end` (an index into the items).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineBreak {
    pub start: usize,
    pub end: usize,
    /// Glue adjustment ratio: >0 stretches, <0 shrinks (0 for ragged lines).
    pub ratio: f32,
    /// The line ends with a drawn penalty (a hyphen).
    pub hyphenated: bool,
}

struct Node {
    pos: usize,
    /// Where a line after this break starts: the first box (see `line_start`),
    /// found once for the node rather than for each break it is tried with.
    start: usize,
    fitness: usize,
    total: f64,
    prev: Option<usize>,
    ratio: f32,
    active: bool,
}

/// Breaks `items` into lines of width `measure` with total-fit; the last item must be
/// a forced break (penalty ≤ −INFINITY). Falls back to looser tolerances and finally
/// to overfull lines, so it always returns a result for non-empty input.
pub fn total_fit(items: &[Item], measure: f32, params: &Params) -> Vec<LineBreak> {
    for tolerance in [params.tolerance, 5_000.0, f32::INFINITY] {
        let p = Params {
            tolerance,
            ..*params
        };
        if let Some(lines) = run(items, measure, &p, tolerance.is_infinite()) {
            return lines;
        }
    }
    Vec::new()
}

fn run(items: &[Item], measure: f32, p: &Params, emergency: bool) -> Option<Vec<LineBreak>> {
    let n = items.len();
    // Prefix sums of width, stretch and shrink.
    let mut w = vec![0f32; n + 1];
    let mut y = vec![0f32; n + 1];
    let mut z = vec![0f32; n + 1];
    for (i, it) in items.iter().enumerate() {
        let (dw, dy, dz) = match *it {
            Item::Box { width } => (width, 0.0, 0.0),
            Item::Glue {
                width,
                stretch,
                shrink,
            } => (width, stretch, shrink),
            Item::Penalty { .. } => (0.0, 0.0, 0.0),
        };
        w[i + 1] = w[i] + dw;
        y[i + 1] = y[i] + dy;
        z[i + 1] = z[i] + dz;
    }
    // After a break the line starts at the next box (glue and penalties vanish).
    let line_start = |after: usize| -> usize {
        let mut s = after;
        while s < n && !matches!(items[s], Item::Box { .. }) {
            s += 1;
        }
        s
    };

    let mut nodes = vec![Node {
        pos: 0,
        start: 0,
        fitness: 1,
        total: 0.0,
        prev: None,
        ratio: 0.0,
        active: true,
    }];
    let mut first_active = 0;
    for b in 0..n {
        let (is_break, pen_w, pen_cost, flagged) = match items[b] {
            Item::Penalty {
                width,
                cost,
                flagged,
            } => (cost < INFINITY, width, cost, flagged),
            Item::Glue { .. } => (
                b > 0 && matches!(items[b - 1], Item::Box { .. }),
                0.0,
                0.0,
                false,
            ),
            Item::Box { .. } => (false, 0.0, 0.0, false),
        };
        if !is_break {
            continue;
        }
        let forced = pen_cost <= -INFINITY;
        let last_line = forced && b == n - 1;
        // Best new node per fitness class.
        let mut best: [Option<(f64, usize, f32)>; 4] = [None; 4];
        for a in first_active..nodes.len() {
            if !nodes[a].active {
                continue;
            }
            let start = nodes[a].start;
            let natural = w[b] - w[start] + pen_w;
            let (stretch, shrink) = (y[b] - y[start], z[b] - z[start]);
            let (ratio, badness) = fit(natural, stretch, shrink, measure, p, last_line);
            if ratio < -1.0 && !emergency {
                // Too long now, and only longer later: this node is done.
                nodes[a].active = false;
                continue;
            }
            if badness > p.tolerance && !emergency {
                continue;
            }
            let runt = last_line && p.runt_from.is_some_and(|r| start >= r);
            if runt && !emergency {
                // A looser line before it (the next pass's tolerance) is better.
                continue;
            }
            let badness = if emergency && ratio < -1.0 {
                // Overfull: allowed only in the emergency pass, at a steep price.
                // Far above any underfull line, so only an unbreakable overlong box gets one.
                100.0 * INFINITY * (1.0 + (natural - measure).max(0.0))
            } else {
                badness
            };
            let mut d = (p.line_penalty + badness) as f64;
            d *= d;
            if pen_cost >= 0.0 {
                d += (pen_cost as f64) * (pen_cost as f64);
            } else if pen_cost > -INFINITY {
                d -= (pen_cost as f64) * (pen_cost as f64);
            }
            let prev_flagged = nodes[a].pos > 0
                && matches!(items[nodes[a].pos], Item::Penalty { flagged: true, width, .. } if width > 0.0);
            if flagged && prev_flagged {
                d += p.double_hyphen_demerits as f64;
            }
            if last_line && prev_flagged {
                d += p.final_hyphen_demerits as f64;
            }
            if runt {
                d += p.runt_demerits as f64;
            }
            let fitness = fitness_class(ratio);
            if (fitness as i32 - nodes[a].fitness as i32).abs() > 1 && p.mode == Mode::Justified {
                d += p.adjacent_fitness_demerits as f64;
            }
            let total = nodes[a].total + d;
            if best[fitness].is_none_or(|(t, _, _)| total < t) {
                best[fitness] = Some((total, a, ratio));
            }
        }
        let start = line_start(b);
        for (fitness, entry) in best.iter().enumerate() {
            if let Some((total, a, ratio)) = *entry {
                nodes.push(Node {
                    pos: b,
                    start,
                    fitness,
                    total,
                    prev: Some(a),
                    ratio,
                    active: true,
                });
            }
        }
        if forced {
            // Nothing can reach past a forced break without ending here.
            for node in nodes.iter_mut() {
                if node.pos < b {
                    node.active = false;
                }
            }
        }
        while first_active < nodes.len() && !nodes[first_active].active {
            first_active += 1;
        }
        if first_active == nodes.len() {
            return None;
        }
    }
    let end = nodes
        .iter()
        .enumerate()
        .filter(|(_, nd)| nd.pos == n - 1 && nd.prev.is_some())
        .min_by(|x, y| x.1.total.total_cmp(&y.1.total))?
        .0;
    let mut out = Vec::new();
    let mut cur = end;
    while let Some(prev) = nodes[cur].prev {
        let start = nodes[prev].start;
        let pos = nodes[cur].pos;
        out.push(LineBreak {
            start,
            end: pos,
            ratio: nodes[cur].ratio,
            hyphenated: matches!(items[pos], Item::Penalty { width, .. } if width > 0.0),
        });
        cur = prev;
    }
    out.reverse();
    Some(out)
}

/// The adjustment ratio and badness of a line of `natural` width.
fn fit(
    natural: f32,
    stretch: f32,
    shrink: f32,
    measure: f32,
    p: &Params,
    last_line: bool,
) -> (f32, f32) {
    let slack = measure - natural;
    match p.mode {
        Mode::Justified => {
            if last_line && slack >= 0.0 {
                return (0.0, 0.0); // \parfillskip: the last line is set at natural width
            }
            let ratio = if slack >= 0.0 {
                if stretch > 0.0 {
                    slack / stretch
                } else if slack < 0.01 {
                    0.0
                } else {
                    INFINITY
                }
            } else if shrink > 0.0 {
                slack / shrink
            } else {
                -INFINITY
            };
            (ratio, badness(ratio))
        }
        Mode::RaggedRight => {
            if slack < -0.01 {
                return (-INFINITY, INFINITY);
            }
            if last_line && !p.balance {
                return (0.0, 0.0);
            }
            if p.balance {
                // Titles and headings: score the slack against the measure, uncapped,
                // so that "The / Role of Ketamine in Managing…" loses to two halves.
                let r = slack.max(0.0) / measure * 2.0;
                return (0.0, 100.0 * r * r);
            }
            let r = slack.max(0.0) / p.ragged_stretch;
            // Ragged lines are drawn at natural width; the ratio only scores them.
            (0.0, badness(r))
        }
    }
}

/// TeX's badness: 100·|r|³, capped.
fn badness(ratio: f32) -> f32 {
    if ratio < -1.0 {
        return INFINITY;
    }
    (100.0 * ratio.abs().powi(3)).min(INFINITY)
}

fn fitness_class(ratio: f32) -> usize {
    if ratio < -0.5 {
        3
    } else if ratio <= 0.5 {
        2
    } else if ratio <= 1.0 {
        1
    } else {
        0
    }
}

/// First-fit breaking, the way a word processor does it; kept to compare against.
pub fn greedy(items: &[Item], measure: f32) -> Vec<LineBreak> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut width = 0.0;
    let mut last_break: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < items.len() {
        match items[i] {
            Item::Box { width: bw } => {
                if width + bw > measure && last_break.is_some() {
                    let (end, hyph) = last_break.take().unwrap_or((i, false));
                    out.push(LineBreak {
                        start,
                        end,
                        ratio: 0.0,
                        hyphenated: hyph,
                    });
                    start = end + 1;
                    while start < items.len() && !matches!(items[start], Item::Box { .. }) {
                        start += 1;
                    }
                    i = start;
                    width = 0.0;
                    continue;
                }
                width += bw;
            }
            Item::Glue { width: gw, .. } => {
                if i > 0 && matches!(items[i - 1], Item::Box { .. }) {
                    last_break = Some((i, false));
                }
                width += gw;
            }
            Item::Penalty {
                width: pw, cost, ..
            } => {
                if cost <= -INFINITY {
                    out.push(LineBreak {
                        start,
                        end: i,
                        ratio: 0.0,
                        hyphenated: false,
                    });
                    start = i + 1;
                    width = 0.0;
                    last_break = None;
                } else if cost < INFINITY && (width + pw <= measure || last_break.is_none()) {
                    // A break that overflows is still taken when the line has no other:
                    // otherwise over-wide pieces (CJK characters, word parts at a tiny
                    // measure) would pile up on one line.
                    last_break = Some((i, pw > 0.0));
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
