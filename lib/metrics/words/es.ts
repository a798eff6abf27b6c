/** Spanish words for ../content.ts (see ./en.ts for what each list is). */
import type { LanguageWords } from './types';

export const es: LanguageWords = {
  language: 'es',
  purchaseIntent: [
    'dónde lo compro', 'donde lo compro', 'dónde se compra', 'donde se compra', 'dónde lo consigo', 'donde lo consigo', 'dónde comprar', 'donde comprar',
    'de dónde es', 'de donde es', 'link porfa', 'link por favor', 'pasa el link', 'lo pedí', 'lo compré', 'ya lo pedí', 'ya lo compré', 'comprado',
    'lo necesito', 'lo quiero', 'cuánto cuesta', 'cuanto cuesta', 'qué precio', 'que precio', 'precio?', 'hacen envíos', 'envían a', 'código de descuento',
  ],
  questionStarts: ['dónde está', 'dónde se', 'dónde lo', 'cuánto cuesta', 'cuánto vale', 'cómo se', 'cómo hiciste', 'qué marca', 'por qué', 'alguien sabe'],
  genericComments: [
    'bonito', 'bonita', 'precioso', 'preciosa', 'hermoso', 'hermosa', 'genial', 'increíble', 'me encanta', 'lo amo', 'qué lindo', 'que lindo',
    'qué bonito', 'que bonito', 'buenísimo', 'guapa', 'guapo', 'espectacular', 'bravo', 'felicidades', 'hola', 'wow que lindo',
  ],
  spamPhrases: ['escríbenos al dm', 'escribenos al dm', 'revisa tu dm', 'mándanos un dm', 'colabora con nosotros', 'embajadora de marca'],
  promoCodeWords: ['código de descuento', 'codigo de descuento', 'código promocional', 'codigo promocional', 'usa el código', 'usa el codigo', 'con el código', 'con el codigo', 'cupón', 'cupon'],
  weakCodeWords: ['código', 'codigo'],
  notCodes: ['es', 'de', 'en', 'para', 'el', 'la', 'mi', 'tu', 'abajo', 'aquí', 'aqui', 'link', 'bio'],
};
