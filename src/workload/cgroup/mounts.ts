import { readText } from './fs-util.ts';

export interface CgroupLayout {
  /** Directory of our own cgroup on the v1 memory hierarchy, if mounted. */
  v1Memory: string | null;
  /** Directory of our own cgroup on the unified (v2) hierarchy, if mounted. */
  v2: string | null;
  /** Mount point of the unified hierarchy. */
  v2Mount: string | null;
}

interface Mount {
  root: string;
  point: string;
  fsType: string;
  superOptions: string[];
}

/** /proc/self/mountinfo: "id parent maj:min root point opts [tags] - fstype source superopts". */
export function parseMountInfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const fields = left.split(' ');
    const [fsType, , superOpts = ''] = right.split(' ');
    mounts.push({
      root: fields[3],
      point: fields[4].replace(/\\040/g, ' '),
      fsType,
      superOptions: superOpts.split(','),
    });
  }
  return mounts;
}

/** /proc/self/cgroup: "id:controllers:path"; v2 is "0::path". */
export function parseProcCgroup(text: string): Map<string, string> {
  const byController = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!match) continue;
    if (match[1] === '') byController.set('', match[2]);
    for (const controller of match[1].split(',')) if (controller) byController.set(controller, match[2]);
  }
  return byController;
}

function join(mount: Mount, cgroupPath: string): string {
  // A mount may expose a subtree (containers): strip the mount's root from our path.
  const relative =
    mount.root !== '/' && cgroupPath.startsWith(mount.root) ? cgroupPath.slice(mount.root.length) : cgroupPath;
  return `${mount.point}${relative === '/' ? '' : relative}`.replace(/\/+$/, '');
}

export function cgroupLayout(mountInfo: string, procCgroup: string): CgroupLayout {
  const mounts = parseMountInfo(mountInfo);
  const paths = parseProcCgroup(procCgroup);
  const v1 = mounts.find((m) => m.fsType === 'cgroup' && m.superOptions.includes('memory'));
  const v2 = mounts.find((m) => m.fsType === 'cgroup2');
  const v1Path = paths.get('memory');
  const v2Path = paths.get('');
  return {
    v1Memory: v1 && v1Path !== undefined ? join(v1, v1Path) : null,
    v2: v2 && v2Path !== undefined ? join(v2, v2Path) : null,
    v2Mount: v2?.point ?? null,
  };
}

export function readCgroupLayout(): CgroupLayout {
  return cgroupLayout(readText('/proc/self/mountinfo') ?? '', readText('/proc/self/cgroup') ?? '');
}
