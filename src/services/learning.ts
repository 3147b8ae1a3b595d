/**
 * The app's one copy of the learner's progress (favorites, history, cards, quizzes): loaded once
 * from storage through the progress adapter, changed only through core functions, saved after
 * each change, and shared by every page through useProgress().
 */
import { useEffect, useState } from 'react'
import * as learn from '../core/learn'
import type { ProgressState } from '../core/learn'
import { loadProgress, needsSync, saveProgress, syncProgress, type SyncResult } from './progress'
import { autoSyncAllowed, setAutoSync } from './privacy'
import { entryAliases } from './dictionary'

let state: ProgressState | null = null
let notes: string[] = []
let saveError = ''
const listeners = new Set<(s: ProgressState) => void>()

export function progress (): ProgressState {
  if (!state) {
    const r = loadProgress(Date.now())
    // Entries merged since the last visit: their cards, favorites and history move to the kept entry.
    state = learn.renameEntries(r.state, entryAliases())
    if (state !== r.state) saveProgress(state)
    notes = r.notes
  }
  return state
}

/** Chinese notes about storage that was recovered at load (shown once, then cleared). */
export function takeRecoveryNotes (): string[] {
  progress()
  const n = notes
  notes = []
  return n
}

/** Applies a core update, saves, and tells every page. */
export function update (fn: (s: ProgressState, now: number) => ProgressState): ProgressState {
  const next = fn(progress(), Date.now())
  state = next
  const r = saveProgress(next)
  // The change stays in memory either way; the page can tell the user why it was not saved.
  saveError = r.ok ? '' : r.message
  for (const l of listeners) l(next)
  return next
}

/** The Chinese reason the last change could not be saved on the phone ('' when it was). */
export function lastSaveError (): string {
  return saveError
}

/**
 * Uploads and merges with the cloud copy (no review is lost on either side). The learner asked
 * for it: automatic syncs are on again (they stop when the cloud copy is deleted).
 */
export async function syncNow (): Promise<SyncResult> {
  setAutoSync(true)
  const r = await syncProgress(progress(), Date.now())
  if (r.ok) {
    // A grade or favorite made while the sync was in flight is merged in, never dropped.
    const merged = learn.renameEntries(learn.mergeProgress(progress(), r.state), entryAliases())
    state = merged
    saveProgress(merged)
    for (const l of listeners) l(merged)
  }
  return r
}

/**
 * Called when the app comes to the foreground: retries a sync that failed while offline — unless
 * the learner deleted their cloud copy and has not synced by hand since.
 */
export function syncIfPending (): void {
  if (needsSync() && autoSyncAllowed()) syncNow().catch(() => { /* still offline: the dirty flag stays for next time */ })
}

export function useProgress (): ProgressState {
  const [s, setS] = useState<ProgressState>(progress)
  useEffect(() => {
    listeners.add(setS)
    setS(progress())
    return () => { listeners.delete(setS) }
  }, [])
  return s
}

export function recordView (id: string): void {
  update((s, now) => learn.recordView(s, id, now))
}

export function toggleFavorite (id: string): boolean {
  const s = update((s0, now) => learn.toggleFavorite(s0, id, now))
  return learn.isFavorite(s, id)
}
