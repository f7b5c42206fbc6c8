// Sixty messages as players write them: people who know the Ceasefire 2026 scenario (its
// delegations and what each can offer) but not the names of the moves. Each carries the parse a
// careful human reader would give it. Written before the reader was tuned; do not edit an
// expectation to fit the reader.

/** A step as the reader should find it: [delegation, move]. */
type Step = [string, string];

export type Expected =
  | { type: 'package.propose'; steps: Step[] }
  | { type: 'package.counter'; package: number; steps: Step[] }
  | { type: 'package.accept'; package: number }
  | { type: 'package.reject'; package: number }
  | { type: 'question'; about: string };

export interface CorpusMessage {
  from: string;
  to: string;
  text: string;
  /** Empty: the message offers nothing the game can act on (the reader should say it did not understand). */
  expect: Expected[];
}

/** The open packages the messages refer to by number (package 5 is the one some counter). */
export const CORPUS_PACKAGES: Record<number, Step[]> = {
  1: [
    ['usa', 'usa-join-council'],
    ['gulf', 'gulf-join-council'],
  ],
  2: [
    ['iran', 'iran-endorse-calendar'],
    ['usa', 'usa-endorse-calendar'],
  ],
  3: [
    ['iran', 'iran-pull-back-launchers'],
    ['usa', 'usa-reduce-patrols'],
  ],
  4: [
    ['eu', 'eu-humanitarian-channel'],
    ['iran', 'iran-publish-baselines'],
  ],
  5: [
    ['usa', 'usa-humanitarian-waiver'],
    ['iran', 'iran-halt-enrichment'],
    ['gulf', 'gulf-maritime-restraint'],
  ],
  6: [
    ['israel', 'israel-suspend-lebanon-strikes'],
    ['iran', 'iran-restrain-hezbollah'],
  ],
  7: [
    ['israel', 'israel-halt-syria-strikes'],
    ['iran', 'iran-suspend-missile-transfers'],
  ],
};

const propose = (...steps: Step[]): Expected => ({ type: 'package.propose', steps });
const accept = (n: number): Expected => ({ type: 'package.accept', package: n });
const reject = (n: number): Expected => ({ type: 'package.reject', package: n });
const ask = (about: string): Expected => ({ type: 'question', about });

export const CORPUS: CorpusMessage[] = [
  {
    from: 'iran',
    to: 'gulf',
    text: "We'll halt enrichment if you keep your navies back",
    expect: [propose(['iran', 'iran-halt-enrichment'], ['gulf', 'gulf-maritime-restraint'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: 'If you issue a humanitarian waiver, we will stop enriching above 20 percent.',
    expect: [propose(['usa', 'usa-humanitarian-waiver'], ['iran', 'iran-halt-enrichment'])],
  },
  { from: 'usa', to: 'iran', text: 'we accept package 2', expect: [accept(2)] },
  { from: 'israel', to: 'usa', text: 'What does Iran want?', expect: [ask('iran')] },
  { from: 'gulf', to: 'iran', text: 'what do you want from us?', expect: [ask('iran')] },
  {
    from: 'iran',
    to: 'israel',
    text: 'We will press Hezbollah to pull back if you stop bombing Lebanon.',
    expect: [propose(['iran', 'iran-restrain-hezbollah'], ['israel', 'israel-suspend-lebanon-strikes'])],
  },
  {
    from: 'israel',
    to: 'iran',
    text: 'Rein in Hezbollah and we suspend our air strikes in lebanon',
    expect: [propose(['iran', 'iran-restrain-hezbollah'], ['israel', 'israel-suspend-lebanon-strikes'])],
  },
  {
    from: 'eu',
    to: 'iran',
    text: 'Publish your nuclear baselines and we open a humanitarian trade channel.',
    expect: [propose(['iran', 'iran-publish-baselines'], ['eu', 'eu-humanitarian-channel'])],
  },
  { from: 'iran', to: 'eu', text: 'we reject package 4, it gives us nothing', expect: [reject(4)] },
  { from: 'usa', to: 'gulf', text: 'No to package #1.', expect: [reject(1)] },
  { from: 'gulf', to: 'usa', text: 'ok, deal on package 3', expect: [accept(3)] },
  {
    from: 'iran',
    to: 'usa',
    text: "Pull your ships back from our coast and we'll move the missile launchers away from the shore",
    expect: [propose(['usa', 'usa-reduce-patrols'], ['iran', 'iran-pull-back-launchers'])],
  },
  {
    from: 'gulf',
    to: 'iran',
    text: 'we can open a hotline with Tehran if u pull back ur launchers from the coast',
    expect: [propose(['gulf', 'gulf-hotline'], ['iran', 'iran-pull-back-launchers'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: 'Lets both sign the benchmark calender',
    expect: [propose(['iran', 'iran-endorse-calendar'], ['usa', 'usa-endorse-calendar'])],
  },
  {
    from: 'usa',
    to: 'eu',
    text: 'We propose that we and the EU both join the mediation council.',
    expect: [propose(['usa', 'usa-join-council'], ['eu', 'eu-join-council'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: 'If you pause the strikes in Yemen we will press the Houthis to stop attacking ships',
    expect: [propose(['usa', 'usa-pause-yemen-strikes'], ['iran', 'iran-press-houthis'])],
  },
  {
    from: 'iran',
    to: 'gulf',
    text: "Stop arming your surrogates in Yemen and we'll tell the Houthis to stop firing at shipping.",
    expect: [propose(['gulf', 'gulf-stop-arming-surrogates'], ['iran', 'iran-press-houthis'])],
  },
  {
    from: 'usa',
    to: 'iran',
    text: 'Counter to package 5: add our pre-authorized snapback',
    expect: [
      {
        type: 'package.counter',
        package: 5,
        steps: [
          ['usa', 'usa-humanitarian-waiver'],
          ['iran', 'iran-halt-enrichment'],
          ['gulf', 'gulf-maritime-restraint'],
          ['usa', 'usa-pre-authorize-snapback'],
        ],
      },
    ],
  },
  { from: 'iran', to: 'israel', text: "What is Israel's position on the border?", expect: [ask('israel')] },
  { from: 'eu', to: 'usa', text: 'where does the US stand?', expect: [ask('usa')] },
  {
    from: 'iaea',
    to: 'iran',
    text: 'Let our inspectors in at short notice and we will seal the equipment and install cameras.',
    expect: [propose(['iran', 'iran-short-notice-access'], ['iaea', 'iaea-install-seals'])],
  },
  {
    from: 'iran',
    to: 'iaea',
    text: 'We allow short notice inspections if the IAEA publishes a verification report.',
    expect: [propose(['iran', 'iran-short-notice-access'], ['iaea', 'iaea-publish-report'])],
  },
  {
    from: 'israel',
    to: 'iran',
    text: "Stop sending missles to your allies and we'll halt strikes on the Syrian supply routes",
    expect: [propose(['iran', 'iran-suspend-missile-transfers'], ['israel', 'israel-halt-syria-strikes'])],
  },
  {
    from: 'iran',
    to: 'eu',
    text: 'We mothball Fordow, you ease your energy sanctions.',
    expect: [propose(['iran', 'iran-mothball-fordow'], ['eu', 'eu-ease-energy-sanctions'])],
  },
  {
    from: 'eu',
    to: 'iran',
    text: 'Mothbal Fordow and we lift energy sanctions',
    expect: [propose(['iran', 'iran-mothball-fordow'], ['eu', 'eu-ease-energy-sanctions'])],
  },
  {
    from: 'usa',
    to: 'iran',
    text: 'Route relief money through audited accounts and we ease oil sanctions step by step',
    expect: [propose(['iran', 'iran-relief-audit'], ['usa', 'usa-ease-oil-sanctions'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: "we cut the money to iraqi militias, you extend iraq's energy waiver",
    expect: [propose(['iran', 'iran-cut-militia-financing'], ['usa', 'usa-iraq-energy-waiver'])],
  },
  {
    from: 'gulf',
    to: 'iran',
    text: 'Cut funding for the militias in Iraq and we will invest in Iraqi reconstruction',
    expect: [propose(['iran', 'iran-cut-militia-financing'], ['gulf', 'gulf-iraq-investment'])],
  },
  {
    from: 'iran',
    to: 'gulf',
    text: "We'll dismantle the advanced centrifuges if you pay into the escrow",
    expect: [propose(['iran', 'iran-dismantle-centrifuges'], ['gulf', 'gulf-escrow-pledge'])],
  },
  { from: 'usa', to: 'iran', text: 'yes, we accept #2', expect: [accept(2)] },
  { from: 'israel', to: 'usa', text: 'We turn down package 6.', expect: [reject(6)] },
  { from: 'iran', to: 'israel', text: 'Never. We refuse package 7.', expect: [reject(7)] },
  { from: 'gulf', to: 'usa', text: 'Package 1 is fine with us, we agree.', expect: [accept(1)] },
  { from: 'eu', to: 'usa', text: 'hello, how are you?', expect: [] },
  { from: 'iran', to: 'usa', text: 'This is outrageous!!!', expect: [] },
  { from: 'usa', to: 'iran', text: "Let's talk about the weather", expect: [] },
  { from: 'iran', to: 'gulf', text: 'What are your red lines?', expect: [ask('gulf')] },
  { from: 'usa', to: 'israel', text: 'what does israel need from iran?', expect: [ask('israel')] },
  {
    from: 'iran',
    to: 'usa',
    text: 'We apply the additional protocol in exchange for you reconnecting our banks',
    expect: [propose(['iran', 'iran-additional-protocol'], ['usa', 'usa-lift-banking-sanctions'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: "we'll notify missile launches in advance if you give us written security assurances",
    expect: [propose(['iran', 'iran-launch-notification'], ['usa', 'usa-security-assurances'])],
  },
  {
    from: 'gulf',
    to: 'iran',
    text: 'we host regional observers at our air bases if you notify launches ahead of time',
    expect: [propose(['gulf', 'gulf-host-observers'], ['iran', 'iran-launch-notification'])],
  },
  {
    from: 'israel',
    to: 'iran',
    text: "Cut Hezbollah's money and we pull our troops back from the Lebanese border",
    expect: [propose(['iran', 'iran-cut-hezbollah-financing'], ['israel', 'israel-border-pullback'])],
  },
  {
    from: 'eu',
    to: 'israel',
    text: 'We fund reconstruction in south Lebanon if you withdraw troops from the border',
    expect: [propose(['eu', 'eu-lebanon-reconstruction'], ['israel', 'israel-border-pullback'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: 'we accept binding dispute resolution, you reconnect iranian banks and the gulf offers investment',
    expect: [
      propose(['iran', 'iran-accept-dispute-resolution'], ['usa', 'usa-lift-banking-sanctions'], ['gulf', 'gulf-investment-package']),
    ],
  },
  {
    from: 'usa',
    to: 'iran',
    text: 'Halt enrichment, the Gulf keeps its navy out of contested waters, and we issue a humanitarian waiver — all this round.',
    expect: [propose(['iran', 'iran-halt-enrichment'], ['gulf', 'gulf-maritime-restraint'], ['usa', 'usa-humanitarian-waiver'])],
  },
  {
    from: 'iaea',
    to: 'iran',
    text: 'Apply the Additional Protocol and we start continuous monitoring',
    expect: [propose(['iran', 'iran-additional-protocol'], ['iaea', 'iaea-continuous-monitoring'])],
  },
  { from: 'iran', to: 'usa', text: 'we wont accept package 3', expect: [reject(3)] },
  { from: 'usa', to: 'gulf', text: 'we accept package 4 and 5', expect: [accept(4), accept(5)] },
  { from: 'gulf', to: 'iran', text: 'we agree to packages 2 and 3', expect: [accept(2), accept(3)] },
  { from: 'iran', to: 'eu', text: 'Ask us something sensible', expect: [] },
  {
    from: 'eu',
    to: 'iran',
    text: 'If Iran lets inspectors in on short notice, Europe will ease its energy sanctions',
    expect: [propose(['iran', 'iran-short-notice-access'], ['eu', 'eu-ease-energy-sanctions'])],
  },
  {
    from: 'usa',
    to: 'iran',
    text: 'We pre-authorize snapback and issue the humanitarian waiver, you halt enrichment',
    expect: [propose(['usa', 'usa-pre-authorize-snapback'], ['usa', 'usa-humanitarian-waiver'], ['iran', 'iran-halt-enrichment'])],
  },
  {
    from: 'gulf',
    to: 'iran',
    text: 'our air defence drills under oversight for your suspension of missile transfers',
    expect: [propose(['gulf', 'gulf-air-defence-oversight'], ['iran', 'iran-suspend-missile-transfers'])],
  },
  { from: 'israel', to: 'eu', text: 'What does the EU want?', expect: [ask('eu')] },
  {
    from: 'iran',
    to: 'gulf',
    text: 'counter to package 5: we halt enrichment and you hold your navies back, but without the US waiver',
    expect: [
      {
        type: 'package.counter',
        package: 5,
        steps: [
          ['iran', 'iran-halt-enrichment'],
          ['gulf', 'gulf-maritime-restraint'],
        ],
      },
    ],
  },
  {
    from: 'israel',
    to: 'usa',
    text: "We'll share intelligence with the monitors if you bolster our air defences",
    expect: [propose(['israel', 'israel-intel-sharing'], ['usa', 'usa-partner-air-defence'])],
  },
  {
    from: 'iran',
    to: 'usa',
    text: 'How about you stop new sanctions designations and we stop testing missiles?',
    expect: [],
  },
  { from: 'usa', to: 'iran', text: 'Stop resupplying Hezbollah or else.', expect: [] },
  {
    from: 'eu',
    to: 'iran',
    text: "We'll pay into the reconstruction escrow if you dismantle your advanced centrifues",
    expect: [propose(['eu', 'eu-escrow-pledge'], ['iran', 'iran-dismantle-centrifuges'])],
  },
  { from: 'iran', to: 'israel', text: 'whats ur position on hezbollah?', expect: [ask('israel')] },
];
