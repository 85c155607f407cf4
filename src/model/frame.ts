/** One stack frame: function, file and line (the innermost line of a location). */
export interface Frame {
  fn: string;
  file: string;
  line: number;
}
