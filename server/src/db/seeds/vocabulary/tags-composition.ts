// How a picture is framed and finished: shot size, camera angle, lens effects, layout and surface.
import { tag, type TagDefinition } from './tag-types';

export const compositionTags: TagDefinition[] = [
  tag('composition', 'Composition', [], 'Framing, viewpoint, layout and finish.'),

  tag('framing', 'Framing', ['composition'], 'How much of the subject the frame holds.'),
  tag('close-up', 'Close-up', ['framing'], 'The subject fills the frame.'),
  tag('medium-shot', 'Medium shot', ['framing'], 'Waist up, or the subject with some context.'),
  tag('full-body', 'Full body', ['framing'], 'A figure seen from head to toe.'),
  tag('wide-shot', 'Wide shot', ['framing'], 'The subject small within its surroundings.'),
  tag('panorama', 'Panorama', ['framing'], 'A sweeping, very wide view.'),

  tag('camera-angle', 'Camera angle', ['composition'], 'Where the viewer stands.'),
  tag('low-angle', 'Low angle', ['camera-angle'], 'Looking up at the subject.'),
  tag('high-angle', 'High angle', ['camera-angle'], 'Looking down at the subject.'),
  tag('birds-eye-view', "Bird's-eye view", ['camera-angle'], 'Straight down from high above.'),
  tag('worms-eye-view', "Worm's-eye view", ['camera-angle'], 'From the ground, looking steeply up.'),
  tag('dutch-angle', 'Dutch angle', ['camera-angle'], 'A tilted horizon for unease.'),
  tag('isometric', 'Isometric', ['camera-angle', '3d-render'], 'Parallel projection at a fixed diagonal.'),

  tag('lens-effects', 'Lens effects', ['composition'], 'Optical character of the camera.'),
  tag('bokeh', 'Bokeh', ['lens-effects'], 'Shallow depth of field with soft highlights.'),
  tag('tilt-shift', 'Tilt-shift', ['lens-effects'], 'Selective focus that makes scenes look tiny.'),
  tag('fisheye', 'Fisheye', ['lens-effects'], 'Ultra-wide curved distortion.'),
  tag('motion-blur', 'Motion blur', ['lens-effects'], 'Streaks that show movement.'),

  tag('layout', 'Layout', ['composition'], 'Arrangement of elements in the frame.'),
  tag('symmetry', 'Symmetry', ['layout'], 'Mirrored, balanced arrangement.'),
  tag('rule-of-thirds', 'Rule of thirds', ['layout'], 'Subject placed off-centre on a third.'),
  tag('negative-space', 'Negative space', ['layout', 'minimalism'], 'Large empty areas around the subject.'),
  tag('leading-lines', 'Leading lines', ['layout'], 'Lines that draw the eye into the scene.'),
  tag('patterns', 'Patterns', ['layout'], 'Repeating shapes and motifs.'),
  tag('silhouette', 'Silhouette', ['layout'], 'Dark shapes against a bright background.'),

  tag('finish', 'Finish', ['composition'], 'Surface quality and level of detail.'),
  tag('highly-detailed', 'Highly detailed', ['finish'], 'Dense, intricate detail.'),
  tag('impasto', 'Impasto', ['finish', 'painting'], 'Thick paint standing off the canvas.'),
  tag('cel-shading', 'Cel shading', ['finish', 'anime'], 'Hard-edged flat shading bands.'),
  tag('film-grain', 'Film grain', ['finish'], 'Fine photographic grain.'),
  tag('sharp-focus', 'Sharp focus', ['finish'], 'Crisp edges throughout.'),
];
