import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { accessDiagram } from "../../../../tools/review/access-report/access-diagram";
import { exampleData, loadData } from "../../../helpers";

/** Debian's chromium package (`apt-get install chromium`); puppeteer downloads no browser (.puppeteerrc.cjs). */
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium";
const MMDC = join(__dirname, "..", "..", "..", "..", "node_modules", "@mermaid-js", "mermaid-cli", "src", "cli.js");
const TEAMS = 20;
const PERSONAS = ["data-scientist", "mlops", "compute"];

/**
 * Measured with Chromium 156 and mermaid-cli 11.17: the 20 teams stack in one column, 726 px wide and 4,586 px
 * high (about 230 px a team). The same diagram laid out top-down puts the teams in a row, 6,452 px wide. The width
 * bound is twice the measure, far below a row; the height bound allows 400 px a team, for other fonts.
 */
const MAX_WIDTH = 1_500;
const MAX_HEIGHT = 8_000;

/** The Contoso example grown to 20 teams, each with a few members of different personas. */
function twentyTeams() {
  const data = exampleData("contoso");
  const template = data.teams.recommendations;
  for (let t = Object.keys(data.teams).length; t < TEAMS; t++) {
    const key = `team-${String(t).padStart(2, "0")}`;
    const members = Array.from({ length: 3 + (t % 3) }, (_, m) => [`user${m}.${key}@contoso.com`, PERSONAS[m % 3]]);
    data.teams[key] = {
      ...template,
      group: `ml-${key}`,
      s3Buckets: [`contoso-${key}-workspace`],
      members: Object.fromEntries(members),
    };
  }
  return loadData(data);
}

/**
 * Renders a Mermaid definition to SVG with the mmdc program and the Debian Chromium. mermaid-cli is an ES module,
 * which jest's CommonJS runtime cannot import, so its own program runs it in a child process.
 */
async function renderSvg(definition: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "access-diagram-"));
  try {
    writeFileSync(join(dir, "diagram.mmd"), definition);
    // Root in a container has no user namespace for Chromium's sandbox. A hung page call fails after 30 s
    // (protocolTimeout) and mmdc closes the browser; SIGTERM from execFile's timeout closes it too (handleSIGTERM).
    const puppeteer = { executablePath: CHROMIUM, args: ["--no-sandbox"], timeout: 30_000, protocolTimeout: 30_000 };
    writeFileSync(join(dir, "puppeteer.json"), JSON.stringify(puppeteer));
    const args = ["-q", "-i", "diagram.mmd", "-o", "diagram.svg", "-p", "puppeteer.json"];
    await promisify(execFile)(process.execPath, [MMDC, ...args], { cwd: dir, timeout: 50_000 });
    return readFileSync(join(dir, "diagram.svg"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const haveChromium = isExecutable(CHROMIUM);
const renderTest = haveChromium ? test : test.skip;
const name = haveChromium
  ? "renders 20 teams as 20 labelled nodes, one edge each, in a drawing of sane size"
  : `SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)`;

/** The Mermaid definition mmdc reads: the report's fenced block without its fences. */
function definitionOf(lines: string[]): string {
  expect([lines[0], lines.at(-1)]).toEqual(["```mermaid", "```"]);
  return lines.slice(1, -1).join("\n");
}

describe("access diagram, rendered by mermaid-cli in Chromium", () => {
  test("hands mmdc a flowchart of one edge line per team and two for the admins", () => {
    // GIVEN the Contoso example grown to 20 teams WHEN its diagram is unfenced
    const definition = definitionOf(accessDiagram(twentyTeams()));
    // THEN it is the flowchart alone, with the 22 edges the rendered drawing must show
    expect(definition.split("\n")[0]).toBe("flowchart LR");
    expect(count(definition, " --> ")).toBe(TEAMS + 2);
  });

  renderTest(
    name,
    async () => {
      // GIVEN the Contoso example grown to 20 teams of 3 to 5 members with different personas
      const config = twentyTeams();
      const teams = Object.values(config.teams);
      const members = teams.reduce((sum, team) => sum + Object.keys(team.members).length, 0);
      expect(teams).toHaveLength(TEAMS);

      // WHEN its diagram is rendered to SVG
      const svg = await renderSvg(definitionOf(accessDiagram(config)));

      // THEN every team's node is drawn once, with its label
      for (const team of teams) expect([team.key, count(svg, `<p>team ${team.key}<br`)]).toEqual([team.key, 1]);
      // AND there is one edge per team plus the admins' two, not one per member
      const edges = count(svg, 'data-edge="true"');
      expect(edges).toBe(TEAMS + 2);
      expect(edges).toBeLessThan(members);
      // AND the drawing is laid out in a column, not a 20,000 px strip
      // (the first viewBox is the root <svg>'s; the arrow markers' come after it)
      const [, , width, height] = svg
        .match(/viewBox="([^"]+)"/)![1]!
        .split(" ")
        .map(Number);
      expect(width).toBeGreaterThan(0);
      expect(width).toBeLessThan(MAX_WIDTH);
      expect(height).toBeLessThan(MAX_HEIGHT);
    },
    60_000,
  );
});
