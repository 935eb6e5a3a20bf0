// Subjects of composed prompts. Text follows "<medium> of ", so it starts with an article. Entries are
// [title phrase, prompt text, implied tags].
import type { SubjectFragment, SubjectKind } from './prompt-types';

type SubjectRow = [title: string, text: string, tags: string[]];

function ofKind(kind: SubjectKind, rows: SubjectRow[]): SubjectFragment[] {
  return rows.map(([title, text, tags]) => ({ kind, title, text, tags }));
}

// People and characters.
const figures = ofKind('figure', [
  ['Old Fisherman', 'an elderly fisherman with a weathered face', ['portrait']],
  ['Freckles', 'a young woman with freckles and braided hair', ['portrait']],
  ['Night Saxophone', 'a jazz musician playing the saxophone', ['figure']],
  ['The Leap', 'a dancer mid-leap in a flowing dress', ['figure']],
  ['Kite Day', 'a child flying a paper kite', ['figure', 'joyful']],
  ['The Tea Master', 'a tea master pouring matcha', ['figure']],
  ['Lantern Pilgrims', 'a crowd of pilgrims carrying lanterns', ['crowd']],
  ['Busker', 'a street musician surrounded by listeners', ['crowd']],
  ['Tarnished Knight', 'a knight in tarnished silver armor', ['knight']],
  ['The Spellbook', 'an old wizard reading a glowing spellbook', ['wizard']],
  ['Potion Night', 'a witch brewing a bubbling potion', ['wizard']],
  ['First Footprints', 'a lone astronaut planting a flag', ['astronaut']],
  ['Drift', 'an astronaut floating among the stars', ['astronaut']],
  ['Falling Petals', 'a samurai standing in falling petals', ['samurai']],
  ['The Ronin', 'a ronin drawing his katana', ['samurai']],
  ['Garden Robot', 'a gentle robot tending a garden', ['robot', 'flowers']],
  ['Reflection', 'a rusted android looking at its reflection', ['robot']],
]);

// Animals and fantasy creatures.
const creatures = ofKind('creature', [
  ['Book Cat', 'a ginger cat asleep on a stack of books', ['cats']],
  ['Snow Leopard', 'a snow leopard on a rocky ledge', ['cats', 'snow']],
  ['Red Fox', 'a red fox curled up in the grass', ['foxes']],
  ['Arctic Fox', 'an arctic fox in a snowdrift', ['foxes', 'snow']],
  ['The Howl', 'a wolf howling at the moon', ['wolves', 'moonlight']],
  ['The Pack', 'a pack of grey wolves on the move', ['wolves']],
  ['Amber Eyes', 'a great horned owl with amber eyes', ['birds']],
  ['Cranes', 'a flock of cranes taking flight', ['birds']],
  ['Hummingbird', 'a hummingbird hovering at a flower', ['birds', 'flowers']],
  ['White Horse', 'a white horse galloping through surf', ['horses']],
  ['The Stag', 'a stag with moss-covered antlers', ['horses', 'forest']],
  ['Breach', 'a humpback whale breaching', ['whales']],
  ['Sky Whale', 'a whale swimming through clouds', ['whales', 'surrealism']],
  ['The Coiled Dragon', 'an ancient dragon coiled around a tower', ['dragons']],
  ['Teacup Dragon', 'a tiny dragon sipping from a teacup', ['dragons']],
  ['Bark Mask', 'a forest spirit with a mask of bark', ['spirits']],
  ['Jelly Spirit', 'a glowing jellyfish spirit', ['spirits']],
  ['Moss Golem', 'a moss-covered stone golem', ['golems']],
]);

// Places; they are their own setting, so composition adds no extra one.
const scenes = ofKind('scene', [
  ['High Peaks', 'a snow-capped mountain range', ['mountains', 'landscape']],
  ['River Valley', 'a valley with a winding river', ['rivers-and-lakes']],
  ['Redwoods', 'an ancient redwood forest', ['forest', 'trees']],
  ['Dune Sea', 'a sea of sand dunes', ['desert', 'landscape']],
  ['Breakers', 'a rocky coastline with crashing waves', ['coastline']],
  ['Hidden Falls', 'a waterfall hidden in a jungle', ['rivers-and-lakes', 'forest']],
  ['Sunflowers', 'a field of sunflowers', ['flowers', 'landscape']],
  ['The Reef', 'a coral reef teeming with fish', ['underwater']],
  ['Skyline', 'a futuristic city skyline', ['skyline', 'science-fiction']],
  ['Old Street', 'a narrow street of old shopfronts', ['street-scene']],
  ['Floating Market', 'a floating market on a canal', ['street-scene', 'crowd']],
  ['Cliff Castle', 'a castle on a cliff', ['castle']],
  ['Cloud Temple', 'a mountain temple among clouds', ['temple', 'mountains']],
  ['Storm Light', 'a lighthouse in a storm', ['lighthouse', 'storm']],
  ['Overgrown', 'overgrown ruins of a stone city', ['ruins']],
  ['Spiral Library', 'a grand library with spiral stairs', ['library']],
  ['Corner Cafe', 'a tiny corner cafe', ['cafe', 'cozy']],
  ['Clockwork', 'a clockmaker workshop full of gears', ['workshop']],
  ['Ringrise', 'a ringed planet rising over a moon', ['planets']],
  ['Nebula', 'a swirling nebula', ['nebula']],
  ['Orbit', 'a space station orbiting earth', ['space-station']],
]);

// Things.
const objects = ofKind('object', [
  ['Peonies', 'a bouquet of peonies in a glass vase', ['flowers']],
  ['Lemons', 'a bowl of lemons and a copper jug', ['still-life', 'food']],
  ['Ramen', 'a steaming bowl of ramen', ['food']],
  ['Bonsai', 'a bonsai tree in a ceramic pot', ['trees']],
  ['Glowcaps', 'a cluster of glowing mushrooms', ['mushrooms']],
  ['Starship', 'a sleek starship', ['spaceship']],
  ['Vintage Ride', 'a vintage motorcycle', ['vehicles']],
  ['Locomotive', 'an old steam locomotive', ['vehicles']],
  ['Airship', 'a brass airship with patched sails', ['airship']],
]);

export const subjects: SubjectFragment[] = [...figures, ...creatures, ...scenes, ...objects];
