/**
 * What counts as a disclosure that a post is paid for (advertising, sponsorship, a paid
 * partnership, a gifted product, affiliate links), in the words creators use in their captions.
 * Read by ../content.ts; one list for every language, since a caption's language is not known.
 *
 * - `DISCLOSURE_TAGS`: hashtags, matched whole (`#ad` is a disclosure, `#adventure` is not),
 *   case- and accent-insensitively (`#sponsorisé` = `#sponsorise`).
 * - `DISCLOSURE_PHRASES`: words and phrases matched anywhere in the caption as whole words,
 *   case- and accent-insensitively ("Presented by @brand", "Anzeige |", "#ad" is a tag instead).
 *
 * The platforms' own labels (Instagram's "Paid partnership", TikTok's ad and branded-content
 * flags, YouTube's "Includes paid promotion") are read by the platform readers as
 * `PostStats.sponsored` and count as disclosure on their own.
 *
 * Words that are also ordinary words elsewhere were left out (`#sp`, "in collaboration with");
 * `#pub` (French "pub", advertising) stays, although an English caption may mean a bar.
 *
 * To add a language: add its tags and phrases below, under its name.
 */

export const DISCLOSURE_TAGS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: [
    'ad', 'ads', 'advert', 'advertisement', 'advertising', 'paidad',
    'sponsored', 'sponsor', 'sponsorship', 'sponsoredpost', 'sponsoredcontent', 'spon', 'paidspons',
    'partner', 'partnership', 'paidpartner', 'paidpartnership', 'brandpartner', 'brandpartnership', 'brandambassador',
    'gifted', 'giftedby', 'prgift', 'pressgift', 'prsample',
    'affiliate', 'affiliatelink', 'affiliatelinks', 'commissionsearned', 'commissionlink',
    'collabpaid', 'paidcollab',
  ],
  de: ['werbung', 'anzeige', 'reklame', 'sponsoring', 'gesponsert', 'unbezahltewerbung', 'werbungunbezahlt', 'bezahltepartnerschaft', 'kooperation', 'affiliatelinks'],
  es: ['publicidad', 'publi', 'patrocinado', 'patrocinada', 'patrocinio', 'colaboracionpagada', 'colaboracion_pagada', 'anuncio'],
  pt: ['publicidade', 'publi', 'patrocinado', 'parceria', 'parceriapaga', 'publipost'],
  fr: ['sponsorise', 'sponsorisee', 'pub', 'publicite', 'partenariat', 'partenariatremunere', 'collaborationcommerciale', 'collaborationremuneree'],
  it: ['adv', 'sponsorizzato', 'sponsorizzata', 'pubblicita', 'collaborazionecommerciale', 'collaborazionepagata'],
  nl: ['advertentie', 'gesponsord', 'reclame', 'samenwerking', 'betaaldesamenwerking'],
  sv: ['reklam', 'annons', 'samarbete', 'sponsrad', 'isamarbetemed'],
  da: ['reklame', 'annonce', 'sponsoreret', 'samarbejde'],
  no: ['reklame', 'annonse', 'sponset', 'samarbeid'],
  pl: ['reklama', 'wspolpraca', 'wspolpracareklamowa', 'sponsorowane'],
  tr: ['reklam', 'isbirligi', 'sponsorlu'],
};

export const DISCLOSURE_PHRASES_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: [
    'paid partnership', 'paid promotion', 'includes paid promotion', 'paid post', 'paid ad',
    'sponsored by', 'sponsored post', 'this video is sponsored', 'this post is sponsored', 'today\'s sponsor', 'todays sponsor', 'our sponsor',
    'thanks to our sponsor', 'for sponsoring', 'in partnership with', 'presented by', 'brought to you by',
    'gifted by', 'pr product', 'affiliate link', 'affiliate links', 'i earn a commission', 'i may earn a commission', 'earn a small commission',
  ],
  de: ['anzeige', 'werbung', 'unbezahlte werbung', 'bezahlte partnerschaft', 'in kooperation mit', 'gesponsert von', 'enthält werbung', 'affiliate-links'],
  es: ['publicidad', 'colaboración pagada', 'patrocinado por', 'contenido patrocinado'],
  pt: ['publicidade', 'parceria paga', 'patrocinado por', 'em parceria com'],
  fr: ['partenariat rémunéré', 'sponsorisé par', 'en partenariat avec', 'collaboration commerciale', 'publicité'],
  it: ['collaborazione commerciale', 'sponsorizzato da', 'contiene pubblicità'],
  nl: ['in samenwerking met', 'gesponsord door', 'betaalde samenwerking'],
  sv: ['i samarbete med', 'sponsrat av', 'reklam för'],
  pl: ['współpraca reklamowa', 'materiał sponsorowany'],
};

/** Every disclosure hashtag of every language, without #. */
export const DISCLOSURE_TAGS: readonly string[] = Object.values(DISCLOSURE_TAGS_BY_LANGUAGE).flat();
/** Every disclosure phrase of every language. */
export const DISCLOSURE_PHRASES: readonly string[] = Object.values(DISCLOSURE_PHRASES_BY_LANGUAGE).flat();
