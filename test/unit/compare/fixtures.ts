/** Three short reports of one fictional event, written for these tests. */
import type { CompareInput } from '../../../src/core/compare';

const base = { url: 'https://example.test/', modifiedAt: null, lang: 'en' };

export const ORCHARD: CompareInput[] = [
  {
    ...base,
    id: 'a',
    siteName: 'Lakeside Herald',
    title: 'Storm floods Orchard Street; 220 homes evacuated',
    publishedAt: '2026-04-02T06:00:00Z',
    text: [
      'A spring storm flooded Orchard Street in Pelling overnight, and officials evacuated 220 homes before dawn on Thursday.',
      'The council opened the Pelling library as a shelter for families displaced by the flood.',
      '"We had water at the front steps within an hour," said Mara Quill, who lives on the street.',
      'Repairs to the storm drains will take a 30-day closure of the street, the council said.',
      'The council has not decided whether to rebuild the old culvert under the market square.',
      'Related stories',
      'Pelling council votes on parking fees',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ].join('\n'),
  },
  {
    ...base,
    id: 'b',
    siteName: 'Valley Wire',
    title: 'Pelling storm forces 250 households from Orchard Street',
    publishedAt: '2026-04-02T09:30:00Z',
    text: [
      'By Tom Reed',
      'A spring storm flooded Orchard Street in Pelling overnight, and officials evacuated 250 homes early on Thursday.',
      'The Pelling library was opened by the council as a shelter for displaced families.',
      'Insurers expect claims above $4 million, according to a regional trade group.',
      '"This street has flooded three times in ten years," said councillor Ben Arlow.',
      'Repairs to the storm drains will take a 45-day closure of the street, officials said.',
    ].join('\n'),
  },
  {
    ...base,
    id: 'c',
    siteName: 'Pelling Times',
    title: 'Orchard Street under water after night of rain',
    publishedAt: '2026-04-02T12:15:00Z',
    text: [
      'Rain from a spring storm flooded Orchard Street in Pelling overnight, and officials evacuated homes before dawn on Thursday.',
      'The council opened the Pelling library as a shelter for the displaced families.',
      '"We had water at the front steps within an hour," said Mara Quill, a resident.',
      'Sign up for our newsletter',
      'Get the morning briefing in your inbox every weekday.',
    ].join('\n'),
  },
];
