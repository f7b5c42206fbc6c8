// The glossary: every term the game uses on screen, in a sentence or two a student can read in
// the middle of a round. Content, not code: the glossary dialog lists it and the inline
// explanations (hover or focus on a dotted term) show one entry.

export interface GlossaryEntry {
  term: string;
  text: string;
}

export const GLOSSARY = {
  span: {
    term: 'Span',
    text: 'One matched exchange of the settlement: a restraint (usually Iran’s) and the steps of the others that answer it. It holds only while every step is in force, done inside one window and checked by its monitor.',
  },
  bridge: {
    term: 'Bridge',
    text: 'All the spans of a phase, track by track. A phase completes only when every track it names has its secured spans: a deal on one track never moves the talks on.',
  },
  interlockTable: {
    term: 'Interlock table',
    text: 'The list of spans the scenario defines, with the steps each needs and its window. “Start from a span” fills a package with one of them.',
  },
  window: {
    term: 'Window',
    text: 'The rounds (one to three) in which every step of a span must be done. It opens when the first step is done; if it closes before the rest is in and verified, the span is negated.',
  },
  secured: {
    term: 'Secured',
    text: 'A span whose steps are all in force, done inside the window and verified, with no verified violation since. Each newly secured span lowers tension and pays an escrow tranche.',
  },
  negated: {
    term: 'Negated',
    text: 'A span whose window closed unmatched: its steps leave force, the giver of the restraint loses support at home, tension rises, and anyone who gave a step without its match pays too.',
  },
  unwound: {
    term: 'Unwound (domestic shock)',
    text: 'Politics at home (protests, an election, low support) made a delegation pull back a step of a secured span; the other steps fall with it. A stop-loss provision prevents this.',
  },
  broken: {
    term: 'Broken (violation)',
    text: 'A monitor found that a step in force was quietly abandoned. Tension rises, everyone trusts the violator less, and the span’s other steps leave force.',
  },
  pledge: {
    term: 'Pledge',
    text: 'A commitment that takes effect the moment the package naming it is agreed (endorsing the calendar, joining the council, arming snapback, paying into the escrow). It costs no action points and is never ticked in the commit.',
  },
  step: {
    term: 'Step',
    text: 'An action a delegation carries out in its sealed commit, paying action points. A promised step counts only once it is committed and, unless it is public, verified.',
  },
  actionPoints: {
    term: 'Action points',
    text: 'What a delegation can spend on steps in one round (3). A sequenced step that fires by itself is charged to the next round’s points.',
  },
  sequenced: {
    term: 'Sequenced step',
    text: 'A step that waits for an earlier step of its package: once that one is verified, it is carried out automatically. It lets a cautious side move second.',
  },
  counter: {
    term: 'Counter-offer',
    text: 'An answer to an offer with changed terms. The original stays open until one of the two is agreed; if your counter is rejected, the original can still be accepted.',
  },
  snapback: {
    term: 'Snapback',
    text: 'A provision, armed in advance, that withdraws sanctions relief automatically the moment a violation is verified, and makes the violator pay at home. Without it, relief already granted stays with the violator.',
  },
  escrow: {
    term: 'Escrow fund',
    text: 'A reconstruction fund held in trust. The guarantors and the Gulf fill it by pledging into it in a package (and donors may add to it); it pays only when spans are secured, never in advance.',
  },
  tranche: {
    term: 'Escrow tranche',
    text: 'One payment from the escrow fund (15 in the default scenario) to Iran each time a span is secured, with domestic support in proportion. An empty fund pays nothing.',
  },
  ladder: {
    term: 'Incentive ladder',
    text: 'Rewards the council hands out for steady compliance: every two rounds in a row with a span secured and no violation, it climbs a rung (humanitarian relief, aid, investment guarantees, normalization talks), lowering tension and raising support. A verified violation by anyone drops it a rung: the rewards are for the whole settlement.',
  },
  council: {
    term: 'Mediation council',
    text: 'A standing body founded by a package in which enough delegations pledge to join, one of them a guarantor. It holds an inquiry into every incident and can vote penalties; its members give up retaliating on their own.',
  },
  codify: {
    term: 'Codify (automatic responses)',
    text: 'A council rule written in advance: when an inquiry names a sponsor with confidence, the penalty applies at once, without a vote.',
  },
  inquiry: {
    term: 'Inquiry and attribution',
    text: 'After each incident the council estimates who was behind it. Below 60% confidence the finding is inconclusive; above it the council names a sponsor, usually the true one, sometimes not (a misattribution, revealed only in the debrief). Observer teams on the front raise the confidence.',
  },
  proxy: {
    term: 'Proxy networks and sponsorship',
    text: 'Hezbollah, the Houthis and the Iraqi militias are not played: they strike on their own, more often the more they are funded and the tenser their fronts. Nobody orders an attack, but unless a network acted alone, its patron (Iran) counts as the sponsor, because its money and arms made the attack possible. Cutting funding is how a patron lowers the risk.',
  },
  funding: {
    term: 'Proxy funding',
    text: 'How much a patron pays a network (0–100). It is secret: only the patron sees it. Standing moves (cutting or resuming funding) and council penalties change it; a secret objective may ask to keep a network funded.',
  },
  quietDefection: {
    term: 'Quiet defection',
    text: 'Stopping a step in force in secret: it keeps counting in public until a monitor notices. Before verification it is found at once; after, each round there is a chance of being caught, and then it is a verified violation.',
  },
  stopLoss: {
    term: 'Stop-loss',
    text: 'A delegation’s own provision (for example the parliament ratifying the calendar) that shields its commitments from a domestic shock: while it stands, a shock unwinds nothing.',
  },
  additionalProtocol: {
    term: 'Additional Protocol',
    text: 'An agreement with the IAEA that widens inspections beyond declared sites (short-notice access, more information). Signing it makes nuclear steps easier to verify.',
  },
  dispute: {
    term: 'Binding dispute',
    text: 'A delegation named by an inquiry, or found in violation, may contest the finding for an action point. The chair or the IAEA answers for it (conceding strikes it at once); otherwise the panel (the council, or the IAEA without one) finds the facts over a round and its ruling binds: a wrong finding is reversed, a true one costs the filer trust and a reparation, and a ruling ignored is enforced (trust, relief snapped back, escrow forfeit).',
  },
  whiteCell: {
    term: 'White Cell',
    text: 'The exercise control team (the instructor or facilitator): it sees the ground truth, fires events, rules on disputes and can pause or end the game.',
  },
  monitor: {
    term: 'Monitor and verification',
    text: 'Each step names who checks it: public acts are verified at once; IAEA inspectors check nuclear steps, regional observer teams the steps on a front. More teams mean a better chance each round.',
  },
  tension: {
    term: 'Tension',
    text: 'How close the truce is to collapse (0–100). Incidents, negations, violations and retaliation raise it; secured spans, penalties and the ladder lower it; it drifts up a little every round. At 100 the truce unravels.',
  },
  support: {
    term: 'Domestic support',
    text: 'How much backing a delegation has at home (0–100). Concessions and incidents can cost it, relief and tranches raise it. Below 25 a backlash may unwind a secured span; a tenth of it counts in the final score.',
  },
  trust: {
    term: 'Trust',
    text: 'How far one delegation believes another (0–100). Agreed and kept packages raise it; broken promises, violations and retaliation lower it. The AI delegations answer offers with it in mind.',
  },
  trajectory: {
    term: 'Trajectory',
    text: 'A reading of where the talks are going: Unraveling when tension is 75 or more or jumped by 8 in a round, Consolidating with two or more spans secured and tension not rising, Drifting otherwise.',
  },
  score: {
    term: 'Score',
    text: 'The shared outcome’s points (consolidation 40, drift 15, unraveling 0), plus the points of your secret objectives that are met at the end, plus a tenth of your domestic support.',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type TermKey = keyof typeof GLOSSARY;
