/** One function of the table: [name, minArgs, maxArgs (undefined: no limit), signature, description]. */
export type FunctionRow = [
  name: string,
  minArgs: number,
  maxArgs: number | undefined,
  signature: string,
  description: string,
];
