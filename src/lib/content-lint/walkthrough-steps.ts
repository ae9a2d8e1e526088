import ts from 'typescript';

interface ParsedStep {
  index: number;
  /** The lines of the `api` and `operation` keys (or of the step), counted from the start of the expression. */
  apiLine: number;
  operationLine: number;
  title: string | undefined;
  /** undefined: not given; null: not a string literal. */
  api: string | undefined | null;
  operation: string | undefined | null;
}

/** Read `[{ api: 'x', operation: 'y', … }, …]` with the TypeScript parser; undefined if it is not an array literal. */
export function walkthroughSteps(expression: string): ParsedStep[] | undefined {
  const file = ts.createSourceFile('steps.tsx', `(${expression}\n)`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const statement = file.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  let array: ts.Expression = statement.expression;
  while (ts.isParenthesizedExpression(array)) array = array.expression;
  if (!ts.isArrayLiteralExpression(array)) return undefined;
  return array.elements.map((element, index) => {
    const line = file.getLineAndCharacterOfPosition(element.getStart(file)).line;
    const read = (key: string): string | undefined | null => {
      if (!ts.isObjectLiteralExpression(element)) return null;
      const property = element.properties.find(
        (p) =>
          ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key,
      );
      if (!property) return undefined;
      const value = (property as ts.PropertyAssignment).initializer;
      return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : null;
    };
    const title = read('title');
    const keyLine = (key: string) => {
      if (!ts.isObjectLiteralExpression(element)) return line;
      const property = element.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
      return property ? file.getLineAndCharacterOfPosition(property.getStart(file)).line : line;
    };
    return {
      index,
      apiLine: keyLine('api'),
      operationLine: keyLine('operation'),
      title: typeof title === 'string' ? title : undefined,
      api: read('api'),
      operation: read('operation'),
    };
  });
}
