/** Shape of the recorded apt runs (debian.generated.ts, made by record_apt.py from real runs). */

export interface RecordedPlan {
  /** What apt-get printed after "Reading state information..." up to "N upgraded, …". */
  plan: string;
  /** Packages in apt's order: [name, version, 'main' | 'sec' | 'upd', arch, old version if upgraded]. */
  inst: ReadonlyArray<readonly [string, string, string, string, string]>;
}

export interface RecordedTranscript {
  /** The plan part through "After this operation, …". */
  plan: string;
  /** apt 3's plan (Installing:/Summary:) where the recorded system has apt 3 (trixie). */
  apt3?: string;
  /** Everything after the plan: Get lines, Fetched, dpkg's unpacking and setting up. */
  body: string;
  err: string;
  /** Bytes each top folder grew by (usr, var/lib/dpkg, var/log, etc). */
  growth: Readonly<Record<string, number>>;
}

export interface DebianRecording {
  /** `apt-get update` right after the lists were removed. */
  update: string;
  /** Files in /var/lib/apt/lists after an update, and their sizes. */
  lists: ReadonlyArray<readonly [string, number]>;
  notUpgraded: number;
  /** Packages installed in the recorded base system, and their versions. */
  installed: Readonly<Record<string, string>>;
  /** name -> [version, arch, download bytes, Installed-Size in KiB]. */
  packages: Readonly<Record<string, readonly [string, string, number, number]>>;
  /** "PKG|nir" / "PKG|rec": `apt-get install -s [--no-install-recommends] PKG`. */
  plans: Readonly<Record<string, RecordedPlan>>;
  /** "build-essential gcc|nir" and "|rec": the lesson's command, run for real. */
  transcripts: Readonly<Record<string, RecordedTranscript>>;
}
