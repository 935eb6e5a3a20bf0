import type { Checkpoint, Lora } from '@genonaut/contracts';
import type { CheckpointRow, LoraRow } from './models.repository';

const stem = (filename: string) => filename.replace(/\.[a-z0-9]+$/i, '');

export function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    filename: row.filename,
    name: row.name,
    architecture: row.architecture,
    family: row.family,
    description: row.description,
    rating: row.rating,
    tags: row.tags,
    isAvailable: row.is_available,
    availableOn: row.available_on,
  };
}

/** A LoRA, with its fit to `checkpoint` when the list was asked for one. */
export function toLora(row: LoraRow, checkpoint?: { filename: string; architecture: string }): Lora {
  return {
    filename: row.filename,
    name: row.name,
    compatibleArchitectures: row.compatible_architectures,
    description: row.description,
    rating: row.rating,
    tags: row.tags,
    triggerWords: row.trigger_words,
    optimalCheckpoints: row.optimal_checkpoints,
    recommendedStrength: row.recommended_strength,
    isAvailable: row.is_available,
    availableOn: row.available_on,
    ...(checkpoint
      ? {
          isCompatible: row.compatible_architectures.includes(checkpoint.architecture),
          // The catalogue may name an optimal checkpoint with or without its file extension.
          isOptimal: row.optimal_checkpoints.some(
            (c) => c === checkpoint.filename || stem(c) === stem(checkpoint.filename),
          ),
        }
      : {}),
  };
}
