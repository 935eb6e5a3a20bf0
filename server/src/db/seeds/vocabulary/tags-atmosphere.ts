// How a picture feels: mood, colour palette, lighting, weather and time of day.
import { tag, type TagDefinition } from './tag-types';

export const atmosphereTags: TagDefinition[] = [
  tag('atmosphere', 'Atmosphere', [], 'Mood, colour and light.'),

  tag('mood', 'Mood', ['atmosphere'], 'The feeling the picture gives.'),
  tag('serene', 'Serene', ['mood'], 'Calm, still and peaceful.'),
  tag('melancholic', 'Melancholic', ['mood'], 'Wistful, lonely or sad.'),
  tag('whimsical', 'Whimsical', ['mood'], 'Playful and charmingly odd.'),
  tag('eerie', 'Eerie', ['mood'], 'Unsettling, ominous or haunted.'),
  tag('dreamy', 'Dreamy', ['mood'], 'Soft, hazy and unreal.'),
  tag('epic', 'Epic', ['mood'], 'Grand scale and high stakes.'),
  tag('nostalgic', 'Nostalgic', ['mood'], 'Warm memories of another time.'),
  tag('cozy', 'Cozy', ['mood'], 'Warm, safe and inviting.'),
  tag('joyful', 'Joyful', ['mood'], 'Bright, happy and celebratory.'),
  tag('mysterious', 'Mysterious', ['mood'], 'Hidden things and unanswered questions.'),

  tag('color-palette', 'Color palette', ['atmosphere'], 'The dominant colours.'),
  tag('warm-palette', 'Warm palette', ['color-palette'], 'Reds, oranges and golds.'),
  tag('cool-palette', 'Cool palette', ['color-palette'], 'Blues, teals and violets.'),
  tag('monochrome', 'Monochrome', ['color-palette'], 'One hue or none.'),
  tag('black-and-white', 'Black and white', ['monochrome'], 'Greyscale only.'),
  tag('sepia', 'Sepia', ['monochrome'], 'Brown-toned like an old photograph.'),
  tag('pastel-colors', 'Pastel colors', ['color-palette'], 'Pale, soft and light.'),
  tag('vibrant', 'Vibrant', ['color-palette'], 'Saturated and high-contrast colour.'),
  tag('muted', 'Muted', ['color-palette'], 'Desaturated and subdued colour.'),
  tag('earth-tones', 'Earth tones', ['color-palette'], 'Ochres, umbers and olive greens.'),
  tag('neon-glow', 'Neon glow', ['color-palette', 'lighting'], 'Electric magenta and cyan light.'),

  tag('lighting', 'Lighting', ['atmosphere'], 'Where the light comes from and how it falls.'),
  tag('golden-hour', 'Golden hour', ['lighting'], 'Low warm sun near sunrise or sunset.'),
  tag('blue-hour', 'Blue hour', ['lighting'], 'Cool twilight just after sunset.'),
  tag('moonlight', 'Moonlight', ['lighting'], 'Pale silver night light.'),
  tag('volumetric-light', 'Volumetric light', ['lighting'], 'Visible beams and god rays.'),
  tag('rim-light', 'Rim light', ['lighting'], 'Bright edges against a darker background.'),
  tag('chiaroscuro', 'Chiaroscuro', ['lighting'], 'Strong contrast of light and shadow.'),
  tag('candlelight', 'Candlelight', ['lighting'], 'Small flickering warm light sources.'),
  tag('bioluminescence', 'Bioluminescence', ['lighting'], 'Light given off by living things.'),
  tag('studio-lighting', 'Studio lighting', ['lighting'], 'Controlled softboxes and clean backdrops.'),

  tag('weather-and-time', 'Weather and time', ['atmosphere'], 'Conditions and hour of the scene.'),
  tag('fog', 'Fog', ['weather-and-time'], 'Mist, haze and low cloud.'),
  tag('rain', 'Rain', ['weather-and-time'], 'Rainfall and wet reflections.'),
  tag('snow', 'Snow', ['weather-and-time'], 'Snowfall, frost and ice.'),
  tag('night', 'Night', ['weather-and-time'], 'After dark, under stars or streetlights.'),
  tag('storm', 'Storm', ['weather-and-time'], 'Thunderclouds, lightning and wind.'),
];
