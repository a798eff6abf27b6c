/** Text and counts: YouTube's text objects, and the words that tell its counts apart. */
import { parseCountDetailed, type ParsedCount } from '../../metrics/counts';
import type { YtText } from './shapes';

export function textOf(t: YtText | undefined | null): string | null {
  if (!t) return null;
  if (t.simpleText !== undefined) return t.simpleText;
  if (t.content !== undefined) return t.content;
  if (t.runs) return t.runs.map((r) => r?.text ?? '').join('');
  return null;
}

export function labelOf(t: YtText | undefined | null): string | null {
  return t?.accessibility?.accessibilityData?.label ?? null;
}

export function count(value: string | number | null | undefined): ParsedCount | null {
  return parseCountDetailed(value ?? null);
}

/** The count in a text's display form and in its accessibility label ("2.2M" / "2.2 million"). */
export function textCounts(t: YtText | undefined | null): Array<ParsedCount | null> {
  return [count(textOf(t)), count(labelOf(t))];
}

/*
 * Words that tell a subscriber count, a video count and a view count apart in header and tile
 * texts. YouTube localises them and puts them in no fixed order, so the word decides, not the
 * position. Lists cover the interface languages with the most creators; a text in another
 * language reads as unknown rather than as the wrong number.
 */
export const SUBSCRIBERS_WORD =
  /subscri|abonn|suscript|inscrit|iscritt|prenumerant|tilaaj|odběratel|feliratkoz|abonaţi|abonați|pretplatnik|naročnik|pelanggan|người đăng ký|ผู้ติดตาม|συνδρομητ|מנויים|مشترك|सदस्य|подписч|абонент|订阅|訂閱|登録者|구독자|subskryb/i;
export const VIDEOS_WORD = /\bvid[eé]os?\b|vídeos?|filmów|filmy|wideo|видео|відео|動画|视频|視頻|동영상|วิดีโอ|βίντεο|סרטונ|فيديو|वीडियो/i;
export const VIEWS_WORD =
  /\bviews?\b|aufrufe|vues|visualizaç|visualizacion|visualizzazion|weergaven|wyświetle|просмотр|перегляд|görüntülen|visningar|visninger|katselukert|zhlédnutí|megtekint|vizionări|προβολ|צפיות|مشاهدة|बार देखा|lượt xem|ditonton|tayangan|การดู|回視聴|次观看|次觀看|조회수/i;
