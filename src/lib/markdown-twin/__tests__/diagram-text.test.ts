import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagramTextOf, readDiagramText } from '../diagram-text';

describe('diagramTextOf', () => {
  test.each([
    [
      'single, double and template quotes, with whitespace folded',
      "const title = \"An article's flow\";\nconst description = `Line one\n  line two.`;\nconst caption =\n  'Take this away.';",
      { title: "An article's flow", description: 'Line one line two.', caption: 'Take this away.' },
    ],
    [
      'no caption',
      "const title = 'T';\nconst description = 'D';",
      { title: 'T', description: 'D', caption: undefined },
    ],
    ['no description', "const title = 'T';", undefined],
  ])('%s', (_case, source, expected) => {
    expect(diagramTextOf(source)).toEqual(expected);
  });

  const diagrams = readdirSync('src/components/diagrams').filter(
    (file) => /Diagram\.astro$/.test(file) && file !== 'Diagram.astro',
  );
  test.each(diagrams)('%s has a title, description and caption the twin can show', (file) => {
    const text = readDiagramText(`src/components/diagrams/${file}`);
    expect(text?.title.length).toBeGreaterThan(10);
    expect(text?.description.length).toBeGreaterThan(40);
    expect(text?.caption).toBeTruthy();
  });
});
