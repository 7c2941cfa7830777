/**
 * The fragment ids a page will have once built, so `#section` links can be checked before
 * the build. Astro gives each heading the github-slugger slug of its text, one slugger per
 * page (the second "## 確認" is `確認-1`), and Starlight adds `_top` for the page title.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Text of a heading as the built HTML has it: images' alt text and raw HTML tags excluded. */
export function headingText(node: Heading): string {
  let text = '';
  visit(node, (child: Nodes) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}

export function headingAnchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>(['_top']);
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading') ids.add(slugger.slug(headingText(node)));
    // Explicit anchors: <a id="x"></a> in Markdown, or in MDX JSX.
    else if (node.type === 'html') for (const m of node.value.matchAll(/\sid=["']([^"']+)["']/g)) ids.add(m[1]);
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attr of node.attributes) {
        if (attr.type === 'mdxJsxAttribute' && attr.name === 'id' && typeof attr.value === 'string') ids.add(attr.value);
      }
    }
  });
  return ids;
}

/** `#%E6%A6%82%E8%A6%81` and `#概要` name the same heading. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
