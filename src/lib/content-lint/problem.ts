export interface Problem {
  file: string;
  line: number;
  message: string;
}

export const formatProblem = (problem: Problem): string => `${problem.file}:${problem.line}: ${problem.message}`;
