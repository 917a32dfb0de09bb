/**
 * What customers write and say to the shop, in Spanish (Spain and Latin America) and English. A message is an
 * opener, one core sentence for its tone and topic (slots: {pedido} order id, {producto} product name, {dias}
 * days), and a closer; call transcripts and reviews wrap the core in their own shape. Words carry the tone a
 * sentiment model should find: "retraso", "reembolso", "pésimo" against "genial", "encantada", "rapidísimo".
 */
export type Tone = 'positive' | 'neutral' | 'negative';
export const TONES: readonly Tone[] = ['positive', 'neutral', 'negative'];
export type Language = 'es' | 'en';

export interface Topic {
  readonly id: string;
  readonly tone: Tone;
  /** Where the topic fits: reviews speak about products and deliveries, contact messages about anything. */
  readonly fits: 'review' | 'contact' | 'both';
  readonly es: readonly string[];
  readonly en: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    id: 'late_delivery',
    tone: 'negative',
    fits: 'both',
    es: [
      'Mi pedido {pedido} lleva {dias} días de retraso y nadie me da una solución.',
      'Todavía no he recibido el pedido {pedido}, es un retraso inaceptable.',
      'El envío del pedido {pedido} iba a tardar 48 horas y ya van {dias} días. Estoy muy molesto con el servicio.',
    ],
    en: [
      'My order {pedido} is {dias} days late and nobody gives me an answer.',
      'I still have not received order {pedido}. This delay is unacceptable.',
    ],
  },
  {
    id: 'refund',
    tone: 'negative',
    fits: 'contact',
    es: [
      'Devolví {producto} hace {dias} días y aún no me han hecho el reembolso.',
      'Sigo esperando el reembolso de mi devolución del pedido {pedido}, es una vergüenza.',
    ],
    en: [
      'I returned the {producto} {dias} days ago and still have no refund.',
      'Still waiting for the refund on order {pedido}. Really disappointing.',
    ],
  },
  {
    id: 'damaged',
    tone: 'negative',
    fits: 'both',
    es: [
      '{producto} llegó roto y la caja estaba destrozada. Qué decepción con la calidad.',
      'El producto {producto} vino defectuoso, no funciona desde el primer día.',
    ],
    en: ['The {producto} arrived broken and the box was crushed. Very poor quality.'],
  },
  {
    id: 'charged_twice',
    tone: 'negative',
    fits: 'contact',
    es: ['Me han cobrado dos veces el pedido {pedido}. Quiero que me devuelvan el dinero ya.'],
    en: ['I was charged twice for order {pedido}. I want my money back now.'],
  },
  {
    id: 'no_answer',
    tone: 'negative',
    fits: 'contact',
    es: [
      'Llevo {dias} días escribiendo a atención al cliente y nadie responde. Pésimo servicio.',
      'Es la tercera vez que reclamo por el pedido {pedido} y sigo sin respuesta. No pienso volver a comprar aquí.',
    ],
    en: ['I have been writing to customer service for {dias} days with no reply. Terrible service.'],
  },
  {
    id: 'fast_delivery',
    tone: 'positive',
    fits: 'both',
    es: [
      'El pedido {pedido} llegó en un día, ¡genial! Muchas gracias.',
      'Rapidísimo el envío y todo perfecto. Repetiré seguro.',
    ],
    en: [
      'Order {pedido} arrived the next day, brilliant! Thank you.',
      'Super fast delivery and everything perfect.',
    ],
  },
  {
    id: 'quality',
    tone: 'positive',
    fits: 'both',
    es: [
      '{producto} es de una calidad excelente, me encanta la compra.',
      'Estoy encantada con {producto}, justo lo que buscaba.',
      'Muy contento con {producto}, se nota la calidad.',
    ],
    en: ['The {producto} is excellent quality, I love it.', 'Really happy with the {producto}, great value.'],
  },
  {
    id: 'service',
    tone: 'positive',
    fits: 'both',
    es: [
      'La atención fue estupenda, muy amables y resolvieron todo enseguida.',
      'Siempre compro aquí y nunca me han fallado. Se lo recomiendo a todos mis amigos.',
    ],
    en: ['Great customer service, friendly and quick. I always recommend you to my friends.'],
  },
  {
    id: 'product_ok',
    tone: 'neutral',
    fits: 'review',
    es: ['{producto} cumple, sin más.', 'Correcto, aunque el envío tardó un poco más de lo previsto.'],
    en: ['The {producto} does the job, nothing special.'],
  },
  {
    id: 'order_status',
    tone: 'neutral',
    fits: 'contact',
    es: [
      '¿Podrían decirme cuándo llegará el pedido {pedido}?',
      'Quería saber el estado del pedido {pedido}.',
    ],
    en: ['Could you tell me when order {pedido} will arrive?'],
  },
  {
    id: 'change_address',
    tone: 'neutral',
    fits: 'contact',
    es: ['Quisiera cambiar la dirección de entrega del pedido {pedido}.'],
    en: ['I would like to change the delivery address for order {pedido}.'],
  },
  {
    id: 'invoice',
    tone: 'neutral',
    fits: 'contact',
    es: ['Necesito la factura del pedido {pedido} a nombre de mi empresa.'],
    en: ['I need an invoice for order {pedido} in my company name.'],
  },
  {
    id: 'stock',
    tone: 'neutral',
    fits: 'contact',
    es: ['¿Tienen {producto} en otra talla o color?', '¿Cuándo vuelve a haber stock de {producto}?'],
    en: ['Do you have the {producto} in another size or colour?'],
  },
  {
    id: 'preferences',
    tone: 'neutral',
    fits: 'contact',
    es: ['¿Cómo puedo dejar de recibir SMS pero seguir recibiendo los emails?'],
    en: ['How can I stop the text messages but keep the emails?'],
  },
];

export const OPENERS = {
  spain: ['Hola,', 'Buenos días,', 'Buenas tardes,', 'Hola, buenas.'],
  latam: ['Hola,', 'Buen día,', 'Buenas tardes,', 'Qué tal,'],
  en: ['Hi,', 'Hello,', 'Good morning,'],
} as const;

export const CLOSERS: Readonly<Record<Language, Readonly<Record<Tone, readonly string[]>>>> = {
  es: {
    negative: ['Espero una respuesta cuanto antes.', 'Si no lo solucionan pediré la baja.', 'Qué decepción.'],
    neutral: ['Gracias.', 'Un saludo.', 'Quedo a la espera.'],
    positive: ['¡Gracias!', 'Un saludo y gracias de nuevo.', 'Seguiré comprando.'],
  },
  en: {
    negative: ['Please sort this out as soon as possible.', 'Very disappointed.'],
    neutral: ['Thanks.', 'Kind regards.'],
    positive: ['Thanks again!', 'Keep it up.'],
  },
};

export const AGENT = {
  es: {
    greeting: [
      'Buenos días, le atiende Lucía, ¿en qué puedo ayudarle?',
      'Atención al cliente, le habla Javier, dígame.',
    ],
    negative: [
      'Lamento mucho las molestias, voy a revisarlo ahora mismo.',
      'Disculpe, abro una incidencia urgente.',
    ],
    neutral: ['Claro, déjeme comprobarlo.', 'Sí, se lo miro ahora mismo.'],
    positive: ['¡Qué bien, muchas gracias por contárnoslo!', 'Nos alegra mucho oírlo.'],
  },
  en: {
    greeting: ['Good morning, this is Lucy from customer care, how can I help?'],
    negative: ['I am very sorry about that, let me look into it right now.'],
    neutral: ['Sure, let me check that for you.'],
    positive: ['That is great to hear, thank you for telling us!'],
  },
} as const;

export const REVIEW_TITLES: Readonly<Record<Language, Readonly<Record<Tone, readonly string[]>>>> = {
  es: {
    negative: ['Muy mal.', 'No lo recomiendo.'],
    neutral: ['Correcto.', 'Normal.'],
    positive: ['¡Genial!', 'Muy recomendable.'],
  },
  en: {
    negative: ['Awful.', 'Not recommended.'],
    neutral: ['OK.', 'Average.'],
    positive: ['Great!', 'Highly recommended.'],
  },
};
