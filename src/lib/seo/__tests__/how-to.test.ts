import { describe, expect, test } from 'vitest';
import { howToSteps, markdownSections } from '../how-to';

const markdown = `---
title: Walkthrough
---

import Walkthrough from '../Walkthrough.astro';

Intro paragraph.

## Step by step: turning addresses into a price

People type places, **not** coordinates.
The first calls use a [geocoding API](/guides/types-of-apis/).

More detail that is not the summary.

## Step by step: finding a driver

<RideSequenceDiagram />

Next the backend requests the ride.

## Which APIs?

| Job | API |
| --- | --- |

## Run the whole booking yourself

- a list is not the step's prose

The flow below runs nine real requests.
`;

const headings = [
  {
    depth: 2,
    slug: 'step-by-step-turning-addresses-into-a-price',
    text: 'Step by step: turning addresses into a price',
  },
  { depth: 2, slug: 'step-by-step-finding-a-driver', text: 'Step by step: finding a driver' },
  { depth: 2, slug: 'which-apis', text: 'Which APIs?' },
  { depth: 2, slug: 'run-the-whole-booking-yourself', text: 'Run the whole booking yourself' },
];

describe('markdownSections', () => {
  test.each([
    [
      'Step by step: turning addresses into a price',
      'People type places, not coordinates. The first calls use a geocoding API.',
    ],
    ['Step by step: finding a driver', 'Next the backend requests the ride.'],
    ['Run the whole booking yourself', 'The flow below runs nine real requests.'],
    ['Which APIs?', undefined],
  ])('the first paragraph under %j is %j', (heading, text) => {
    expect(markdownSections(markdown).get(heading)).toBe(text);
  });
});

describe('howToSteps', () => {
  test('the walkthrough article: step headings become named steps with their first paragraph and anchor', () => {
    expect(howToSteps('guides/ride-hailing-walkthrough', headings, markdown)).toEqual([
      {
        name: 'Turning addresses into a price',
        text: 'People type places, not coordinates. The first calls use a geocoding API.',
        anchor: 'step-by-step-turning-addresses-into-a-price',
      },
      {
        name: 'Finding a driver',
        text: 'Next the backend requests the ride.',
        anchor: 'step-by-step-finding-a-driver',
      },
      {
        name: 'Run the whole booking yourself',
        text: 'The flow below runs nine real requests.',
        anchor: 'run-the-whole-booking-yourself',
      },
    ]);
  });

  test('other articles are not how-tos', () => {
    expect(howToSteps('guides/webhooks', headings, markdown)).toEqual([]);
  });
});
