import { loadExample } from "../helpers";
import { casesFor, lookAlikeConfig, failures } from "../policies/attacker-matrix";
import { worldOf } from "../policies/matrix-world";
test("count", async () => {
  for (const world of [worldOf("contoso", loadExample("contoso")), worldOf("la", lookAlikeConfig())]) {
    let total = 0; const t0 = Date.now();
    for (const role of Object.keys(world.policies)) { const c = await casesFor(world, role); total += c.length; }
    const t1 = Date.now();
    let all: any[] = []; for (const role of Object.keys(world.policies)) all = all.concat(await casesFor(world, role));
    const f = await failures(world, all);
    console.log(world.name, total, "gen ms", t1 - t0, "eval ms", Date.now() - t1, f.length);
  }
}, 120000);
