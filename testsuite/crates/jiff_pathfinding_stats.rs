// Civil dates, spans and durations without the system time zone (jiff), graph searches
// (pathfinding's A*, Dijkstra, BFS, strongly connected components), an R*-tree (rstar)
// and statistics and distributions (statrs).
//@ dep: jiff = "=0.2.15"
//@ dep: pathfinding = "=4.11.0"
//@ dep: rstar = "=0.12.2"
//@ dep: statrs = "=0.17.1"
use jiff::civil::{date, time, DateTime};
use jiff::{Span, ToSpan, Unit};

fn main() {
    let d = date(2024, 2, 28);
    println!("{} {} {:?} {}", d, d.tomorrow().unwrap(), d.weekday(), d.in_leap_year());
    let later = d.checked_add(1.month().days(3)).unwrap();
    println!("{later} {}", d.until(later).unwrap());
    let dt: DateTime = "2024-03-10T02:30:00".parse().unwrap();
    println!("{dt} {}", dt.checked_add(36.hours().minutes(45)).unwrap());
    let span: Span = "P1Y2M3DT4H5M6S".parse().unwrap();
    println!("{span} {}", span.total((Unit::Hour, date(2024, 1, 1))).unwrap());
    println!("{}", d.at(13, 5, 0, 0).strftime("%A, %B %d %Y %H:%M"));
    println!("{:?}", "2024-13-01".parse::<jiff::civil::Date>().map_err(|e| e.to_string()));
    let t = time(23, 59, 59, 999_999_999);
    println!("{t} {}", t.wrapping_add(2.nanoseconds()));
    let ts: jiff::Timestamp = "2024-06-01T12:00:00Z".parse().unwrap();
    println!("{ts} {} {}", ts.as_second(), ts.checked_add(90.minutes()).unwrap());
    println!("{}", ts.to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(-5))).datetime());

    use pathfinding::prelude::*;
    let grid = ["S..#....", ".#.#.##.", ".#...#..", ".####.#.", "......#G"];
    let cell = |x: i32, y: i32| grid.get(y as usize).and_then(|r| r.as_bytes().get(x as usize)).copied();
    let start = (0, 0);
    let goal = (7, 4);
    let succ = |&(x, y): &(i32, i32)| {
        [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
            .into_iter()
            .filter(|&(a, b)| matches!(cell(a, b), Some(c) if c != b'#'))
            .map(|p| (p, 1))
            .collect::<Vec<_>>()
    };
    let astar_r = astar(&start, succ, |&(x, y)| (goal.0 - x).abs() + (goal.1 - y).abs(), |&p| p == goal);
    println!("{:?}", astar_r.as_ref().map(|(p, c)| (p.len(), *c)));
    let dij = dijkstra(&start, succ, |&p| p == goal);
    println!("{:?}", dij.map(|(_, c)| c));
    let b = bfs(&1u32, |&n| vec![n * 2, n + 3], |&n| n == 29);
    println!("{b:?}");
    let edges: Vec<(u8, Vec<u8>)> = vec![(1, vec![2]), (2, vec![3]), (3, vec![1, 4]), (4, vec![5]), (5, vec![4]), (6, vec![])];
    let nodes: Vec<u8> = edges.iter().map(|e| e.0).collect();
    let mut sccs = strongly_connected_components(&nodes, |n| edges.iter().find(|e| e.0 == *n).unwrap().1.clone());
    for c in &mut sccs {
        c.sort();
    }
    sccs.sort();
    println!("{sccs:?}");
    println!("{:?}", topological_sort(&[1u8, 2, 3], |n| if *n < 3 { vec![n + 1] } else { vec![] }));

    let tree = rstar::RTree::bulk_load((0..200).map(|i| [(i * 37 % 101) as f64, (i * 53 % 97) as f64]).collect::<Vec<_>>());
    println!("{} {:?}", tree.size(), tree.nearest_neighbor(&[50.0, 50.0]));
    let mut near: Vec<[f64; 2]> = tree.locate_within_distance([10.0, 10.0], 100.0).copied().collect();
    near.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{near:?}");
    let env = rstar::AABB::from_corners([0.0, 0.0], [20.0, 20.0]);
    println!("{}", tree.locate_in_envelope(&env).count());

    use statrs::distribution::{Binomial, Continuous, ContinuousCDF, Discrete, Normal, StudentsT};
    use statrs::statistics::{Data, Distribution, OrderStatistics};
    let n = Normal::new(0.0, 1.0).unwrap();
    println!("{:.6} {:.6} {:.6}", n.pdf(0.5), n.cdf(1.96), n.inverse_cdf(0.975));
    let t = StudentsT::new(0.0, 1.0, 5.0).unwrap();
    println!("{:.6}", t.cdf(2.0));
    let b = Binomial::new(0.3, 10).unwrap();
    println!("{:.6} {:.6}", b.pmf(3), b.mean().unwrap());
    let mut data = Data::new(vec![2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
    println!("{:?} {:?} {} {}", data.mean(), data.std_dev(), data.median(), data.percentile(90));
    println!("{:.6}", statrs::function::gamma::gamma(4.5));
}
