/** Images need alt text (alt-text.ts); diagram components need an accessible SVG and a caption (diagrams.ts). */
import { describe, expect, test } from 'vitest';
import { checkDiagram, checkImages, parseAttributes } from '../content-lint/index.ts';
import { messages, page } from './content-lint-fixtures.ts';

describe('checkImages', () => {
  test.each([
    ['Markdown image with alt passes', '![A diagram](/a.png)', []],
    [
      'Markdown image without alt fails',
      '![](/a.png)',
      ['5: image /a.png has no alt text; write ![what it shows](/a.png)'],
    ],
    ['img with alt passes', '<img src="/a.png" alt="A diagram" />', []],
    ['img without alt fails', '<img src="/a.png" />', ['5: <img src="/a.png"> has no alt attribute']],
    [
      'img with empty alt fails',
      '<img src="/a.png" alt="" />',
      ['5: <img src="/a.png"> has an empty alt; describe the image'],
    ],
    ['decorative img with empty alt passes', '<img src="/a.png" alt="" aria-hidden="true" />', []],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkImages(page(body)))).toEqual(expected);
  });
});

describe('parseAttributes', () => {
  test.each([
    ['role="img" hidden', { role: 'img', hidden: '' }],
    ["id='x' data-a=b", { id: 'x', 'data-a': 'b' }],
    ['aria-labelledby={`${a} ${b}`}', { 'aria-labelledby': '${a} ${b}' }],
    ['id={titleId}', { id: '${titleId}' }],
    ['id={"literal"}', { id: 'literal' }],
    ['viewBox={`0 0 ${w + 1} 10`} role="img"', { viewBox: '0 0 ${w + 1} 10', role: 'img' }],
    ['{title} id="x" { caption }', { title: '${title}', id: 'x', caption: '${caption}' }],
    ['{...rest} role="img"', { role: 'img' }],
  ])('%s', (text, expected) => {
    expect(Object.fromEntries(parseAttributes(text))).toEqual(expected);
  });
});

describe('checkDiagram', () => {
  const diagram = (svg: string, caption = '<figcaption>Caption</figcaption>') =>
    `---\nconst id = 'd';\n---\n\n<figure>\n${svg}\n${caption}\n</figure>\n`;
  const good =
    '<svg role="img" aria-labelledby={`${id}-t ${id}-d`}>\n<title id={`${id}-t`}>T</title>\n<desc id={`${id}-d`}>D</desc>\n</svg>';
  const framed =
    "---\nimport Diagram from './Diagram.astro';\nconst caption = 'C';\n---\n\n" +
    '<Diagram idPrefix="d" title="T" description={description} caption={caption} viewBox="0 0 10 10">\n' +
    '<rect width="10" height="10" />\n</Diagram>\n';
  test.each([
    ['an accessible diagram passes', diagram(good), []],
    [
      'plain string ids pass',
      diagram('<svg role="img" aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc></svg>'),
      [],
    ],
    ['a component without an svg passes', '<p>No drawing here</p>', []],
    ['a missing role fails', diagram(good.replace(' role="img"', '')), ['6: <svg> needs role="img"']],
    [
      'a missing aria-labelledby fails',
      diagram(good.replace(' aria-labelledby={`${id}-t ${id}-d`}', '')),
      ['6: <svg> needs aria-labelledby naming its <title> and <desc>'],
    ],
    [
      'a desc that is not referenced fails',
      diagram(good.replace('${id}-t ${id}-d', '${id}-t')),
      ['6: aria-labelledby does not reference the <desc> (id ${id}-d)'],
    ],
    ['a missing desc fails', diagram(good.replace('<desc id={`${id}-d`}>D</desc>', '')), ['6: <svg> has no <desc>']],
    ['a missing caption fails', diagram(good, ''), ['6: diagram has no <figcaption>']],
    ['a drawing inside <Diagram> with all its texts passes', framed, []],
    [
      'shorthand texts pass',
      framed.replace('title="T" description={description} caption={caption}', '{title} {description} {caption}'),
      [],
    ],
    [
      'a <Diagram> without a caption fails',
      framed.replace(' caption={caption}', ''),
      ['6: <Diagram> needs a non-empty caption'],
    ],
    [
      'a <Diagram> with an empty title fails',
      framed.replace('title="T"', 'title=" "'),
      ['6: <Diagram> needs a non-empty title'],
    ],
  ])('%s', (_name, source, expected) => {
    expect(messages(checkDiagram('D.astro', source))).toEqual(expected);
  });
});
