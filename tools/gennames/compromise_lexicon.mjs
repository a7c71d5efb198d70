// Prints the compromise@14.17.0 lexicon (MIT) as JSON: {tag: [word, ...]}.
// Usage: node compromise_lexicon.mjs PATH_TO_UNPACKED_PACKAGE > lexicon.json
import { pathToFileURL } from 'url';
const root = process.argv[2];
const nlp = (await import(pathToFileURL(root + '/builds/three/compromise-three.mjs'))).default;
const lex = nlp.model().one.lexicon;
const out = {};
for (const [word, tag] of Object.entries(lex)) {
  for (const t of Array.isArray(tag) ? tag : [tag]) (out[t] ||= []).push(word);
}
for (const k of Object.keys(out)) out[k].sort();
process.stdout.write(JSON.stringify(out));
