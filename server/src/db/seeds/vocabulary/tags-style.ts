// How a picture looks: art movements, genre aesthetics, East Asian traditions, realism, abstraction and
// illustration styles.
import { tag, type TagDefinition } from './tag-types';

export const styleTags: TagDefinition[] = [
  tag('style', 'Style', [], 'The visual language of the picture.'),

  tag('art-movements', 'Art movements', ['style'], 'Styles named after historical movements.'),
  tag('impressionism', 'Impressionism', ['art-movements'], 'Loose brushwork that chases light and colour.'),
  tag('expressionism', 'Expressionism', ['art-movements'], 'Distorted forms and colours that carry emotion.'),
  tag('surrealism', 'Surrealism', ['art-movements'], 'Dream logic and impossible juxtapositions.'),
  tag('art-nouveau', 'Art nouveau', ['art-movements'], 'Flowing organic lines and ornamental frames.'),
  tag('art-deco', 'Art deco', ['art-movements'], 'Geometric glamour, gold and strong symmetry.'),
  tag('cubism', 'Cubism', ['art-movements'], 'Faceted forms seen from several viewpoints.'),
  tag('pop-art', 'Pop art', ['art-movements'], 'Bold flat colour, halftones and mass-culture icons.'),
  tag('baroque', 'Baroque', ['art-movements'], 'Drama, rich colour and theatrical light.'),
  tag('romanticism', 'Romanticism', ['art-movements'], 'Sublime nature and heroic emotion.'),
  tag(
    'abstract-expressionism',
    'Abstract expressionism',
    ['art-movements', 'abstraction'],
    'Gestural, non-figurative painting.',
  ),

  tag('genre-aesthetics', 'Genre aesthetics', ['style'], 'Looks borrowed from fiction genres.'),
  tag('fantasy', 'Fantasy', ['genre-aesthetics'], 'Magic, myth and invented worlds.'),
  tag('high-fantasy', 'High fantasy', ['fantasy'], 'Epic quests, bright kingdoms and grand vistas.'),
  tag('dark-fantasy', 'Dark fantasy', ['fantasy'], 'Grim, haunted and sinister magic.'),
  tag('fairy-tale', 'Fairy tale', ['fantasy'], 'Storybook enchantment and folklore.'),
  tag('science-fiction', 'Science fiction', ['genre-aesthetics'], 'Futures, technology and space.'),
  tag('cyberpunk', 'Cyberpunk', ['science-fiction'], 'Neon megacities, implants and rain.'),
  tag('steampunk', 'Steampunk', ['science-fiction'], 'Brass, gears and Victorian machinery.'),
  tag('solarpunk', 'Solarpunk', ['science-fiction'], 'Green, hopeful and sun-powered futures.'),
  tag(
    'retro-futurism',
    'Retro-futurism',
    ['science-fiction', 'retro-aesthetics'],
    'The future as imagined in the past.',
  ),
  tag('space-opera', 'Space opera', ['science-fiction'], 'Grand interstellar adventure.'),
  tag('horror', 'Horror', ['genre-aesthetics'], 'Dread, darkness and the uncanny.'),
  tag('gothic', 'Gothic', ['horror'], 'Cathedrals, candles, ravens and decay.'),
  tag('cosmic-horror', 'Cosmic horror', ['horror', 'science-fiction'], 'Vast, unknowable things.'),
  tag('retro-aesthetics', 'Retro aesthetics', ['genre-aesthetics'], 'Revived looks of past decades.'),
  tag('synthwave', 'Synthwave', ['retro-aesthetics'], 'Eighties neon grids and chrome sunsets.'),
  tag('vaporwave', 'Vaporwave', ['retro-aesthetics'], 'Pastel nineties nostalgia and statues.'),
  tag('cottagecore', 'Cottagecore', ['genre-aesthetics'], 'Rural idylls, gardens and baking.'),

  tag('east-asian-styles', 'East Asian styles', ['style'], 'Traditions from Japan, China and Korea.'),
  tag(
    'ukiyo-e',
    'Ukiyo-e',
    ['east-asian-styles', 'printmaking'],
    'Japanese woodblock pictures of the floating world.',
  ),
  tag('anime', 'Anime', ['east-asian-styles'], 'Japanese animation style.'),
  tag('manga', 'Manga', ['east-asian-styles', 'comic-book'], 'Japanese comics: ink lines and screentone.'),

  tag('realism', 'Realism', ['style'], 'Pictures that aim to look real.'),
  tag('photorealism', 'Photorealism', ['realism'], 'Indistinguishable from a photograph.'),
  tag('hyperrealism', 'Hyperrealism', ['realism'], 'Sharper and more detailed than a photograph.'),

  tag('abstraction', 'Abstraction', ['style'], 'Form and colour for their own sake.'),
  tag('geometric-abstraction', 'Geometric abstraction', ['abstraction'], 'Hard-edged shapes and grids.'),
  tag('generative-art', 'Generative art', ['abstraction'], 'Patterns that look made by an algorithm.'),
  tag('minimalism', 'Minimalism', ['abstraction'], 'Few elements, lots of space.'),

  tag('illustration-styles', 'Illustration styles', ['style'], 'Commercial and narrative illustration.'),
  tag('concept-art', 'Concept art', ['illustration-styles'], 'Production art for films and games.'),
  tag('storybook', 'Storybook', ['illustration-styles'], "Children's book illustration."),
  tag('comic-book', 'Comic book', ['illustration-styles'], 'Inked panels, bold outlines and flat colour.'),
  tag('flat-design', 'Flat design', ['illustration-styles'], 'Simple shapes without shading.'),
  tag('line-art', 'Line art', ['illustration-styles'], 'Clean outlines with little or no fill.'),
];
