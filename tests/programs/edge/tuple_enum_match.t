// Nested matches on tuples of enums: a rock-paper-scissors-lizard-spock tournament
// between deterministic strategies.
enum Hand { Rock, Paper, Scissors, Lizard, Spock }

enum Outcome { Win, Lose, Draw }

fn hand(i: u32) -> Hand {
    match i % 5 {
        0 => Hand::Rock,
        1 => Hand::Paper,
        2 => Hand::Scissors,
        3 => Hand::Lizard,
        _ => Hand::Spock,
    }
}

fn beats(a: Hand, b: Hand) -> bool {
    match (a, b) {
        (Hand::Scissors, Hand::Paper) | (Hand::Scissors, Hand::Lizard) => true,
        (Hand::Paper, Hand::Rock) | (Hand::Paper, Hand::Spock) => true,
        (Hand::Rock, Hand::Lizard) | (Hand::Rock, Hand::Scissors) => true,
        (Hand::Lizard, Hand::Spock) | (Hand::Lizard, Hand::Paper) => true,
        (Hand::Spock, Hand::Scissors) | (Hand::Spock, Hand::Rock) => true,
        _ => false,
    }
}

fn play(a: Hand, b: Hand) -> Outcome {
    if beats(a, b) { Outcome::Win } else if beats(b, a) { Outcome::Lose } else { Outcome::Draw }
}

fn strategy(kind: u32, round: u32, last_opponent: Hand) -> Hand {
    match (kind, last_opponent) {
        (0, _) => Hand::Rock,
        (1, _) => hand(round),
        (2, Hand::Rock) | (2, Hand::Scissors) => Hand::Spock,
        (2, Hand::Paper) => Hand::Lizard,
        (2, other) => match other {
            Hand::Lizard => Hand::Rock,
            _ => Hand::Paper,
        },
        (_, _) => hand(round * round + 3),
    }
}

fn main() {
    let mut points = [0i32; 4];
    for a in 0..4u32 {
        for b in a + 1..4 {
            let (mut la, mut lb) = (Hand::Rock, Hand::Rock);
            let mut score = (0, 0, 0);
            for round in 0..30 {
                let ha = strategy(a, round, lb);
                let hb = strategy(b, round, la);
                match play(ha, hb) {
                    Outcome::Win => score.0 += 1,
                    Outcome::Lose => score.1 += 1,
                    Outcome::Draw => score.2 += 1,
                }
                la = ha;
                lb = hb;
            }
            println("{} vs {}: {}-{} ({} draws)", a, b, score.0, score.1, score.2);
            points[a as usize] += score.0 - score.1;
            points[b as usize] += score.1 - score.0;
        }
    }
    for i in 0..4 { println("strategy {}: {:+}", i, points[i]); }
}
