import { type ColumnTable, columnTable } from '../warehouse/column-table.js';

/**
 * The demo shop's catalogue: 40 products in 8 categories, prices in euros. Margins differ by category (beauty
 * and fashion high, electronics thin), and three marketplace products have no known cost, so order lines carry a
 * cost for most lines but not all. Product order within a category is popularity order.
 */
export const CATEGORIES = [
  'moda',
  'hogar',
  'belleza',
  'electrónica',
  'deportes',
  'gourmet',
  'libros',
  'juguetes',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_COUNT = CATEGORIES.length;

/** Share of a line's price that is margin, by category index. */
const MARGIN = [0.56, 0.45, 0.6, 0.16, 0.36, 0.3, 0.24, 0.4];
/** Chance a purchased line comes back, by category index (fashion sizes!). */
export const RETURN_RATE = [0.1, 0.03, 0.02, 0.05, 0.05, 0.005, 0.01, 0.03];
/** Usual quantity per line beyond one, by category index (gourmet sells by the jar). */
export const EXTRA_QUANTITY = [0.12, 0.15, 0.25, 0.04, 0.1, 0.45, 0.12, 0.15];
/** Relative popularity of the 1st..5th product within a category. */
export const POPULARITY = [0.34, 0.25, 0.18, 0.13, 0.1];
export const PRODUCTS_PER_CATEGORY = POPULARITY.length;

interface ProductSpec {
  readonly name: string;
  readonly brand: string;
  readonly price: number;
  /** No cost known (marketplace seller). */
  readonly marketplace?: boolean;
}

const SPECS: readonly (readonly ProductSpec[])[] = [
  [
    { name: 'Camiseta básica de algodón', brand: 'Brisa', price: 14.95 },
    { name: 'Vaqueros slim', brand: 'Brisa', price: 39.95 },
    { name: 'Vestido de lino', brand: 'Alma Sur', price: 59.9 },
    { name: 'Zapatillas urbanas', brand: 'Paso Firme', price: 69.0, marketplace: true },
    { name: 'Chaqueta acolchada', brand: 'Alma Sur', price: 89.0 },
  ],
  [
    { name: 'Juego de sábanas percal', brand: 'Casa Lúa', price: 44.9 },
    { name: 'Vela aromática de higo', brand: 'Casa Lúa', price: 12.5 },
    { name: 'Sartén antiadherente 28 cm', brand: 'Fogón', price: 32.0 },
    { name: 'Cafetera italiana', brand: 'Fogón', price: 24.95 },
    { name: 'Lámpara de sobremesa', brand: 'Nórdika', price: 54.0 },
  ],
  [
    { name: 'Sérum de vitamina C', brand: 'Aloe Vera Lab', price: 24.9 },
    { name: 'Crema hidratante SPF 30', brand: 'Aloe Vera Lab', price: 19.5 },
    { name: 'Perfume Azahar 50 ml', brand: 'Mediterránea', price: 49.0 },
    { name: 'Champú sólido', brand: 'Verde Puro', price: 9.9 },
    { name: 'Paleta de sombras', brand: 'Colorea', price: 29.0 },
  ],
  [
    { name: 'Auriculares inalámbricos', brand: 'Sonix', price: 59.0 },
    { name: 'Cargador rápido USB-C', brand: 'Voltio', price: 19.9 },
    { name: 'Altavoz bluetooth', brand: 'Sonix', price: 45.0 },
    { name: 'Reloj inteligente', brand: 'Pulso', price: 129.0, marketplace: true },
    { name: 'Tableta 10 pulgadas', brand: 'Pulso', price: 219.0 },
  ],
  [
    { name: 'Esterilla de yoga', brand: 'Equilibrio', price: 24.0 },
    { name: 'Zapatillas de running', brand: 'Zancada', price: 89.9 },
    { name: 'Botella térmica', brand: 'Equilibrio', price: 18.5 },
    { name: 'Mancuernas ajustables', brand: 'Hierro', price: 79.0 },
    { name: 'Mochila de senderismo', brand: 'Cumbre', price: 64.0 },
  ],
  [
    { name: 'Aceite de oliva virgen extra 500 ml', brand: 'Olivar de Jaén', price: 11.9 },
    { name: 'Jamón ibérico loncheado 100 g', brand: 'Dehesa Real', price: 16.5 },
    { name: 'Queso manchego curado', brand: 'La Mancha', price: 18.9 },
    { name: 'Turrón de Jijona', brand: 'Almendra Viva', price: 9.5 },
    { name: 'Café de especialidad 250 g', brand: 'Tueste Lento', price: 12.0, marketplace: true },
  ],
  [
    { name: 'Novela: La sombra del olivo', brand: 'Editorial Faro', price: 19.9 },
    { name: 'Libro de cocina mediterránea', brand: 'Editorial Faro', price: 29.0 },
    { name: 'Guía de viajes por los Andes', brand: 'Brújula', price: 24.5 },
    { name: 'Cómic: Los guardianes del sur', brand: 'Viñeta', price: 16.95 },
    { name: 'Cuaderno de acuarela', brand: 'Brújula', price: 14.0 },
  ],
  [
    { name: 'Puzle 1000 piezas', brand: 'Ludo', price: 17.9 },
    { name: 'Juego de mesa familiar', brand: 'Ludo', price: 34.9 },
    { name: 'Peluche de oso', brand: 'Achuchón', price: 21.0 },
    { name: 'Kit de construcción', brand: 'Bloquetes', price: 49.9 },
    { name: 'Muñeca articulada', brand: 'Achuchón', price: 27.5 },
  ],
];

/** One product, with prices held in cents so line amounts are exact. */
export interface Product {
  readonly id: string;
  readonly index: number;
  readonly name: string;
  readonly category: Category;
  readonly categoryIndex: number;
  readonly brand: string;
  readonly priceCents: number;
  /** Unit cost in cents, or -1 when unknown. */
  readonly costCents: number;
}

function buildCatalog(): readonly Product[] {
  const out: Product[] = [];
  SPECS.forEach((specs, k) => {
    specs.forEach((s) => {
      const index = out.length;
      const priceCents = Math.round(s.price * 100);
      const margin = (MARGIN[k] ?? 0.3) + ((index * 7) % 5) * 0.01 - 0.02;
      out.push({
        id: `P${String(index + 1).padStart(3, '0')}`,
        index,
        name: s.name,
        category: CATEGORIES[k] as Category,
        categoryIndex: k,
        brand: s.brand,
        priceCents,
        costCents: s.marketplace ? -1 : Math.round(priceCents * (1 - margin)),
      });
    });
  });
  return out;
}

export const PRODUCTS: readonly Product[] = buildCatalog();

/** The `products` table (without `import_id` / `source_line`). */
export function productsTable(): ColumnTable {
  return columnTable({
    product_id: PRODUCTS.map((p) => p.id),
    name: PRODUCTS.map((p) => p.name),
    category: PRODUCTS.map((p) => p.category),
    brand: PRODUCTS.map((p) => p.brand),
    price: PRODUCTS.map((p) => p.priceCents / 100),
    cost: PRODUCTS.map((p) => (p.costCents < 0 ? null : p.costCents / 100)),
  });
}
