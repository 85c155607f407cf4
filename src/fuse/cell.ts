// Cell identities: "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64". Pure.
import { UsageError } from '../model/errors.ts';

/** The fixed set of matrix dimensions a cell may name, in their canonical order. */
export const DIMENSIONS = ['region', 'isp', 'os', 'arch'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Longest value of one dimension: keeps commit-status contexts under GitHub's 255 characters. */
export const MAX_VALUE_LENGTH = 40;
const VALUE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export interface Cell {
  /** Canonical id: dimensions in DIMENSIONS order, values lowercased, e.g. "region=cn-east-2,arch=amd64". */
  id: string;
  dims: Partial<Record<Dimension, string>>;
}

/** A dimension value such as arch=arm64: the unit a dimension fuse trips. */
export interface DimensionValue {
  dim: Dimension;
  value: string;
}

export const dimKey = (d: DimensionValue): string => `${d.dim}=${d.value}`;

export function isDimension(name: string): name is Dimension {
  return (DIMENSIONS as readonly string[]).includes(name);
}

/**
 * Checks one dimension value; `where` names the source for the message (e.g. `--cell`).
 * Values are case-insensitive (GitHub status contexts are) and kept lowercase.
 */
export function checkValue(dim: string, value: string, where: string): { dim: Dimension; value: string } {
  const name = dim.trim().toLowerCase();
  if (!isDimension(name)) {
    throw new UsageError(
      `${where}: "${dim.trim()}" is not a dimension; use ${DIMENSIONS.join(', ')} (e.g. region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64).`,
    );
  }
  const v = value.trim().toLowerCase();
  if (v === '') throw new UsageError(`${where}: ${name} has no value; write ${name}=VALUE, e.g. arch=amd64.`);
  if (v.length > MAX_VALUE_LENGTH)
    throw new UsageError(
      `${where}: the ${name} value "${v}" is longer than ${MAX_VALUE_LENGTH} characters; shorten it.`,
    );
  if (!VALUE_PATTERN.test(v)) {
    throw new UsageError(
      `${where}: the ${name} value "${value.trim()}" may only hold letters, digits, ".", "_" and "-" (starting with a letter or digit), e.g. linux-5.10.`,
    );
  }
  return { dim: name, value: v };
}

export function cellFromDims(dims: Partial<Record<Dimension, string>>): Cell {
  const ordered: Partial<Record<Dimension, string>> = {};
  const parts: string[] = [];
  for (const dim of DIMENSIONS) {
    const value = dims[dim];
    if (value === undefined) continue;
    ordered[dim] = value;
    parts.push(`${dim}=${value}`);
  }
  return { id: parts.join(','), dims: ordered };
}

/** Parses `region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64`; any subset of the dimensions, at least one. */
export function parseCell(text: string, where = '--cell'): Cell {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new UsageError(
      `${where} is empty; name the cell as dimension=value pairs, e.g. ${where} "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64".`,
    );
  }
  const dims: Partial<Record<Dimension, string>> = {};
  for (const part of trimmed.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw new UsageError(
        `${where}: "${part.trim()}" is not dimension=value; write the cell like "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64" (comma-separated, no spaces needed).`,
      );
    }
    const { dim, value } = checkValue(part.slice(0, eq), part.slice(eq + 1), where);
    if (dims[dim] !== undefined)
      throw new UsageError(
        `${where}: ${dim} is given twice ("${dims[dim]}" and "${value}"); give each dimension once.`,
      );
    dims[dim] = value;
  }
  return cellFromDims(dims);
}

/** Parses `arch=arm64` (a dimension value, e.g. for `--dimension`). */
export function parseDimensionValue(text: string, where = '--dimension'): DimensionValue {
  const eq = text.indexOf('=');
  if (eq < 0 || text.indexOf(',') >= 0) {
    throw new UsageError(
      `${where}: "${text}" is not one dimension=value; write e.g. ${where} arch=arm64 (dimensions: ${DIMENSIONS.join(', ')}).`,
    );
  }
  return checkValue(text.slice(0, eq), text.slice(eq + 1), where);
}

export function cellDimensionValues(cell: Cell): DimensionValue[] {
  return DIMENSIONS.filter((dim) => cell.dims[dim] !== undefined).map((dim) => ({ dim, value: cell.dims[dim]! }));
}

export function cellHas(cell: Cell, d: DimensionValue): boolean {
  return cell.dims[d.dim] === d.value;
}
