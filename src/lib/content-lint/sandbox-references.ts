import { attribute, attributeLine, jsxElements, lineOf, stringAttribute } from './mdast.ts';
import type { Page } from './page.ts';
import type { Problem } from './problem.ts';
import type { Site } from './site.ts';
import { walkthroughSteps } from './walkthrough-steps.ts';

interface SandboxReference {
  /** The line of the api, and of the operation (and example). */
  line: number;
  operationLine: number;
  where: string;
  api: string | undefined;
  operation: string | undefined;
  example?: string | undefined;
  exampleLine?: number;
}

/** The TryIt widgets and Walkthrough steps on a page, and problems reading them. */
function sandboxReferences(page: Page): { references: SandboxReference[]; problems: Problem[] } {
  const references: SandboxReference[] = [];
  const problems: Problem[] = [];
  for (const node of jsxElements(page, 'TryIt')) {
    const api = stringAttribute(node, 'api');
    const operation = stringAttribute(node, 'operation');
    const example = attribute(node, 'example');
    references.push({
      line: attributeLine(page, node, 'api'),
      operationLine: attributeLine(page, node, 'operation'),
      exampleLine: attributeLine(page, node, 'example'),
      where: `<TryIt api="${api ?? '?'}" operation="${operation ?? '?'}">`,
      api,
      operation,
      example: example.kind === 'string' ? example.value : undefined,
    });
    if (example.kind === 'expression')
      problems.push({
        file: page.file,
        line: attributeLine(page, node, 'example'),
        message: '<TryIt> example must be a string literal',
      });
  }
  for (const node of jsxElements(page, 'Walkthrough')) {
    const steps = attribute(node, 'steps');
    if (steps.kind !== 'expression') {
      problems.push({ file: page.file, line: lineOf(node), message: '<Walkthrough> needs steps={[…]}' });
      continue;
    }
    // The parser re-indents the expression but keeps its lines, and `steps={[` opens it on the attribute's line.
    const baseLine = attributeLine(page, node, 'steps');
    const parsed = walkthroughSteps(steps.value);
    if (!parsed) {
      problems.push({
        file: page.file,
        line: baseLine,
        message: '<Walkthrough> steps must be an inline array of step objects so they can be checked',
      });
      continue;
    }
    for (const step of parsed) {
      const line = baseLine + step.apiLine;
      const where = `<Walkthrough> step ${step.index + 1}${step.title ? ` ("${step.title}")` : ''}`;
      if (step.api === null || step.operation === null)
        problems.push({ file: page.file, line, message: `${where}: api and operation must be string literals` });
      else
        references.push({
          line,
          operationLine: baseLine + step.operationLine,
          where,
          api: step.api,
          operation: step.operation,
        });
    }
  }
  return { references, problems };
}

export function checkSandboxReferences(page: Page, site: Site): Problem[] {
  const { references, problems } = sandboxReferences(page);
  for (const reference of references) {
    const report = (message: string, line = reference.line) =>
      problems.push({ file: page.file, line, message: `${reference.where}: ${message}` });
    if (!reference.api || !reference.operation) {
      report('needs both api and operation');
      continue;
    }
    const spec = site.specs.get(reference.api);
    if (!spec) {
      report(`there is no sandbox API "${reference.api}" (known: ${[...site.specs.keys()].sort().join(', ')})`);
      continue;
    }
    const examples = spec.operations.get(reference.operation);
    if (!examples) {
      report(`${spec.file} has no operationId "${reference.operation}"`, reference.operationLine);
      continue;
    }
    if (reference.example !== undefined && !examples.includes(reference.example))
      report(
        `${reference.operation} has no request-body example "${reference.example}" (its examples: ${examples.join(', ') || 'none'})`,
        reference.exampleLine ?? reference.operationLine,
      );
  }
  return problems.sort((a, b) => a.line - b.line);
}
