"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from "cytoscape";
import type { GraphEdge, GraphNode } from "@/lib/relations/get-claim-graph";
import { EDGE_COLOURS, RATING_COLOURS } from "./graph-colours";

/** The words the canvas draws, in the workbench's language: each rating's name ("none": no verdict yet) and each kind of link. */
export type GraphLabels = { ratings: Record<string, string>; edges: Record<GraphEdge["type"], string> };

function short(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}


const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      shape: "round-rectangle",
      width: 200,
      height: 96,
      "background-color": "data(fill)",
      "border-color": "data(border)",
      "border-width": 3,
      label: "data(label)",
      color: "#1a1a1a",
      "font-family": "Helvetica, Arial, sans-serif",
      "font-size": 12,
      "text-wrap": "wrap",
      "text-max-width": "182px",
      "text-valign": "center",
      "text-halign": "center",
      "line-height": 1.3,
    },
  },
  { selector: "node[?unrated]", style: { "border-style": "dashed", "border-width": 2 } },
  { selector: "node[?context]", style: { opacity: 0.55 } },
  {
    selector: "node:selected",
    style: { "border-color": "#f2a900", "border-width": 5, "underlay-color": "#f2a900", "underlay-padding": 6, "underlay-opacity": 0.25 },
  },
  { selector: "node.hover", style: { "underlay-color": "#0b4f8a", "underlay-padding": 5, "underlay-opacity": 0.15 } },
  {
    selector: "edge",
    style: {
      width: 2.5,
      "curve-style": "bezier",
      "line-color": "data(colour)",
      "target-arrow-color": "data(colour)",
      "source-arrow-color": "data(colour)",
      "arrow-scale": 1.3,
      label: "data(word)",
      "font-size": 10,
      "font-weight": 600,
      color: "data(colour)",
      "text-rotation": "autorotate",
      "text-background-color": "#fbfaf7",
      "text-background-opacity": 1,
      "text-background-padding": "2px",
    },
  },
  { selector: "edge[type = 'supports']", style: { "target-arrow-shape": "triangle" } },
  { selector: "edge[type = 'contradicts']", style: { "source-arrow-shape": "tee", "target-arrow-shape": "tee" } },
  { selector: "edge[type = 'same_claim']", style: { "line-style": "dashed", "line-dash-pattern": [7, 5] } },
  { selector: "edge[?warning]", style: { "underlay-color": "#f2a900", "underlay-padding": 5, "underlay-opacity": 0.45 } },
];

/**
 * Linked claims are spread by a force-directed layout (cose); claims without a link are set out in a
 * grid below them, so that they neither crowd nor overlap the web of links.
 */
function arrange(cy: Core) {
  const linked = cy.nodes().filter((node) => node.degree(false) > 0);
  const unlinked = cy.nodes().difference(linked);
  let top = 0;
  let left = 0;
  let width = 0;
  if (linked.nonempty()) {
    linked
      .union(linked.connectedEdges())
      .layout({
        name: "cose",
        animate: false,
        randomize: false,
        fit: false,
        nodeRepulsion: () => 1_400_000,
        idealEdgeLength: () => 190,
        edgeElasticity: () => 80,
        nodeOverlap: 80,
        componentSpacing: 140,
        gravity: 30,
        numIter: 2000,
      })
      .run();
    const box = linked.boundingBox({});
    top = box.y2 + 120;
    left = box.x1;
    width = box.w;
  }
  if (unlinked.nonempty()) {
    const columns = Math.max(1, Math.min(unlinked.length, Math.max(Math.round(width / 235), Math.ceil(Math.sqrt(unlinked.length * 2)))));
    const rows = Math.ceil(unlinked.length / columns);
    unlinked
      .layout({
        name: "grid",
        fit: false,
        avoidOverlap: true,
        condense: true,
        cols: columns,
        boundingBox: { x1: left, y1: top, w: columns * 235, h: rows * 130 },
      })
      .run();
  }
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.1) {
    cy.zoom(1.1);
    cy.center();
  }
}

/**
 * The claim graph, drawn by cytoscape (loaded in the browser only). A click or tap on a claim opens
 * its page; so does the keyboard: the canvas takes the focus, the arrow keys walk the claims (left to
 * right, top to bottom), Enter opens the chosen one. The same nodes and links are listed in tables
 * below the canvas for screen readers.
 */
export function ClaimGraphCanvas({ nodes, edges, labels }: { nodes: GraphNode[]; edges: GraphEdge[]; labels: GraphLabels }) {
  const t = useTranslations("workbenchGraph.canvas");
  const describe = (node: GraphNode, links: number) =>
    t("describe", {
      claimant: node.claimant,
      statement: short(node.statement, 160),
      rated: node.rating ? "yes" : "no",
      rating: labels.ratings[node.rating ?? "none"] ?? labels.ratings.none ?? "",
      links,
    });
  const router = useRouter();
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const orderRef = useRef<string[]>([]);
  const helpId = useId();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  const linkCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const edge of edges) {
      counts.set(edge.source, (counts.get(edge.source) ?? 0) + 1);
      counts.set(edge.target, (counts.get(edge.target) ?? 0) + 1);
    }
    return counts;
  }, [edges]);
  const nodeById = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);

  const open = useCallback((id: string) => router.push(`/workbench/claims/${id}`), [router]);

  useEffect(() => {
    let cancelled = false;
    let cy: Core | null = null;
    const elements: ElementDefinition[] = [
      ...nodes.map((node, index): ElementDefinition => {
        const colours = RATING_COLOURS[node.rating ?? "none"] ?? RATING_COLOURS.none!;
        // A circle to start from; cose spreads it out.
        const angle = (2 * Math.PI * index) / Math.max(nodes.length, 1);
        const radius = 120 + nodes.length * 18;
        return {
          group: "nodes",
          data: {
            id: node.id,
            label: `${(labels.ratings[node.rating ?? "none"] ?? "").toUpperCase()} · ${short(node.claimant, 28)}\n${short(node.statement, 84)}`,
            fill: colours.fill,
            border: colours.border,
            unrated: node.rating === null,
            context: node.context,
          },
          position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
        };
      }),
      ...edges.map(
        (edge): ElementDefinition => ({
          group: "edges",
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            type: edge.type,
            colour: EDGE_COLOURS[edge.type],
            word: edge.warning ? `${labels.edges[edge.type]} ⚠` : labels.edges[edge.type],
            warning: edge.warning !== null,
          },
        }),
      ),
    ];

    import("cytoscape")
      .then(({ default: cytoscape }) => {
        const container = containerRef.current;
        if (cancelled || !container) return;
        cy = cytoscape({
          container,
          elements,
          style: STYLE,
          layout: { name: "preset" },
          minZoom: 0.15,
          maxZoom: 2.5,
          userZoomingEnabled: false,
          boxSelectionEnabled: false,
          autoungrabify: false,
        });
        arrange(cy);
        cy.on("tap", "node", (event) => open((event.target as NodeSingular).id()));
        cy.on("mouseover", "node", (event) => {
          (event.target as NodeSingular).addClass("hover");
          container.style.cursor = "pointer";
        });
        cy.on("mouseout", "node", (event) => {
          (event.target as NodeSingular).removeClass("hover");
          container.style.cursor = "";
        });
        // Keyboard order: reading order of where the layout put the claims.
        orderRef.current = cy
          .nodes()
          .toArray()
          .map((node) => ({ id: node.id(), ...(node as NodeSingular).position() }))
          .sort((a, b) => (Math.abs(a.y - b.y) > 60 ? a.y - b.y : a.x - b.x))
          .map((node) => node.id);
        cyRef.current = cy;
        setReady(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      cyRef.current = null;
      cy?.destroy();
    };
  }, [nodes, edges, open, labels]);

  const focusNode = useCallback((id: string) => {
    const cy = cyRef.current;
    setFocusedId(id);
    if (!cy) return;
    cy.nodes(":selected").unselect();
    const node = cy.getElementById(id);
    node.select();
    const box = node.renderedBoundingBox({});
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.center(node);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const order = orderRef.current;
    if (order.length === 0) return;
    const index = focusedId ? order.indexOf(focusedId) : -1;
    let next: number | null = null;
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        next = index < 0 ? 0 : (index + 1) % order.length;
        break;
      case "ArrowLeft":
      case "ArrowUp":
        next = index < 0 ? order.length - 1 : (index - 1 + order.length) % order.length;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = order.length - 1;
        break;
      case "Enter":
      case " ":
        if (focusedId) {
          event.preventDefault();
          open(focusedId);
        }
        return;
      case "Escape":
        cyRef.current?.nodes(":selected").unselect();
        setFocusedId(null);
        return;
      default:
        return;
    }
    event.preventDefault();
    const id = order[next];
    if (id) focusNode(id);
  }

  function zoom(factor: number) {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  const focused = focusedId ? nodeById.get(focusedId) : undefined;

  return (
    <div className="cl-graph-frame">
      <div className="cl-graph-tools" role="group" aria-label={t("zoom")}>
        <button type="button" className="secondary cl-small" onClick={() => zoom(1.25)} disabled={!ready}>
          {t("zoomIn")}
        </button>
        <button type="button" className="secondary cl-small" onClick={() => zoom(0.8)} disabled={!ready}>
          {t("zoomOut")}
        </button>
        <button type="button" className="secondary cl-small" onClick={() => cyRef.current?.fit(undefined, 40)} disabled={!ready}>
          {t("fit")}
        </button>
      </div>
      <div
        ref={containerRef}
        className="cl-graph-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription={t("roleDescription")}
        aria-label={t("label", { claims: nodes.length, links: edges.length })}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        data-ready={ready ? "true" : "false"}
      />
      <p id={helpId} className="meta cl-graph-help">
        {t("help")}
      </p>
      <p className="cl-graph-focus" aria-live="polite">
        {failed
          ? t("failed")
          : focused
            ? `${describe(focused, linkCounts.get(focused.id) ?? 0)} ${t("pressEnter")}`
            : ""}
      </p>
    </div>
  );
}
