/**
 * The parts of Miro REST API v2 JSON that the import reads. Everything is optional: the data
 * comes from a server, and a field that is missing must not crash the import.
 */
export interface MiroPosition {
  x?: number;
  y?: number;
  origin?: string;
  /** `canvas_center` for top-level items, `parent_top_left` inside a frame. */
  relativeTo?: string;
}

export interface MiroItem {
  id: string;
  type: string;
  data?: { content?: string; title?: string; shape?: string; [k: string]: unknown };
  style?: { fillColor?: string; [k: string]: unknown };
  position?: MiroPosition;
  geometry?: { width?: number; height?: number };
  parent?: { id?: string };
  createdAt?: string;
  createdBy?: { id?: string; type?: string };
  modifiedAt?: string;
}

export interface MiroBoard {
  id: string;
  name?: string;
  description?: string;
  createdAt?: string;
  modifiedAt?: string;
  viewLink?: string;
  team?: { id?: string; name?: string };
}

export interface MiroTag {
  id: string;
  title?: string;
  fillColor?: string;
}

export interface MiroMember {
  id: string;
  name?: string;
}

/** Everything read from one board: what the pure import works on. */
export interface BoardData {
  board: MiroBoard;
  items: MiroItem[];
  tags: MiroTag[];
  /** Item ids per tag id, only for the tags the import asked about (Keep / Problem / Try). */
  taggedItems: Record<string, string[]>;
  members: MiroMember[];
}
