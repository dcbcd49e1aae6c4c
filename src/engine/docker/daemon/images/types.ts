/**
 * Engine API response shapes for the image endpoints (API 1.45, the reference engine), field for
 * field and in the order the daemon writes them.
 */

/** GET /images/json: one per image (target), however many names it has. */
export interface ImageSummary {
  Containers: number;
  /** Unix seconds. */
  Created: number;
  Id: string;
  Labels: Record<string, string> | null;
  ParentId: string;
  RepoDigests: string[];
  RepoTags: string[];
  SharedSize: number;
  Size: number;
}

/** The Config of GET /images/{name}/json (the legacy container.Config shape). */
export interface InspectConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: {
    Test?: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    StartInterval?: number;
    Retries?: number;
  };
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  Shell?: string[];
}

/** GET /images/{name}/json. */
export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  /** RFC 3339 with nanoseconds. */
  Created: string;
  DockerVersion: string;
  Author: string;
  Config: InspectConfig;
  Architecture: string;
  Variant?: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  RootFS: { Type: string; Layers: string[] };
  Metadata: { LastTagTime: string };
}

/** GET /images/{name}/history: newest first. */
export interface HistoryItem {
  Comment: string;
  /** Unix seconds. */
  Created: number;
  CreatedBy: string;
  /** The image ID on the top row, `<missing>` below it. */
  Id: string;
  Size: number;
  Tags: string[] | null;
}

/** One line of `docker rmi` / `docker image prune`. */
export type DeleteResponse = { Untagged: string } | { Deleted: string };

/** POST /images/prune. */
export interface ImagesPruneReport {
  ImagesDeleted: DeleteResponse[] | null;
  SpaceReclaimed: number;
}

/** The image part of GET /system/df. */
export interface ImagesDiskUsage {
  LayersSize: number;
  Images: ImageSummary[];
  BuildCache: BuildCacheUsage[];
}

export interface BuildCacheUsage {
  ID: string;
  Parents?: string[];
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string;
  UsageCount: number;
}

/** The progress part of a JSON message (jsonmessage.JSONProgress). */
export interface ProgressDetail {
  current?: number;
  total?: number;
  units?: string;
  hidecounts?: boolean;
}

/** One message of a pull/push stream (jsonmessage.JSONMessage), keys in the daemon's order. */
export interface JSONMessage {
  status?: string;
  progressDetail?: ProgressDetail;
  /** The rendered bar the daemon adds (`[==>   ]  1.2MB/3.4MB`). */
  progress?: string;
  id?: string;
  errorDetail?: { message: string };
  /** Deprecated twin of errorDetail.message; still sent. */
  error?: string;
  aux?: Record<string, unknown>;
}

/** POST /auth. */
export interface AuthResponse {
  Status: string;
  IdentityToken: string;
}

export interface ImageListOptions {
  all?: boolean;
  /** `--filter key=value`, grouped by key (the Engine API's filters JSON). */
  filters?: Record<string, readonly string[]>;
  /** Count containers and shared sizes (what `docker system df` asks for). */
  withUsage?: boolean;
}
