/**
 * Given names and surnames of the demo shop's customers: Spanish, Latin-American and, for the English-speaking
 * residents of Spain, English. Spanish-speaking customers usually carry two surnames.
 */
// biome-ignore format: compact word list
export const SPAIN_FEMALE = [
  'María', 'Carmen', 'Lucía', 'Laura', 'Marta', 'Ana', 'Paula', 'Sara', 'Elena', 'Cristina', 'Isabel', 'Raquel',
  'Alba', 'Nuria', 'Pilar', 'Rocío', 'Beatriz', 'Sofía', 'Irene', 'Claudia', 'Julia', 'Andrea', 'Teresa',
  'Silvia', 'Patricia', 'Inés', 'Noelia', 'Mercedes', 'Lorena', 'Ainhoa', 'Montserrat', 'Begoña', 'Itziar',
  'Maite', 'Carla', 'Marina',
] as const;

// biome-ignore format: compact word list
export const SPAIN_MALE = [
  'Antonio', 'José', 'Manuel', 'Francisco', 'David', 'Juan', 'Javier', 'Daniel', 'Carlos', 'Jesús', 'Alejandro',
  'Miguel', 'Rafael', 'Pablo', 'Sergio', 'Fernando', 'Jorge', 'Alberto', 'Luis', 'Álvaro', 'Adrián', 'Diego',
  'Raúl', 'Iván', 'Rubén', 'Óscar', 'Andrés', 'Jordi', 'Iñaki', 'Xavier', 'Hugo', 'Mario', 'Marcos', 'Gonzalo',
  'Unai', 'Pau',
] as const;

// biome-ignore format: compact word list
export const LATAM_FEMALE = [
  'María José', 'Guadalupe', 'Valentina', 'Camila', 'Ximena', 'Fernanda', 'Daniela', 'Gabriela', 'Mariana',
  'Renata', 'Valeria', 'Catalina', 'Florencia', 'Agustina', 'Luciana', 'Milagros', 'Yesenia', 'Paola', 'Natalia',
  'Lucía', 'Sofía', 'Andrea', 'Carolina', 'Jimena', 'Rosa', 'Ana María',
] as const;

// biome-ignore format: compact word list
export const LATAM_MALE = [
  'José Luis', 'Juan Pablo', 'Santiago', 'Mateo', 'Sebastián', 'Matías', 'Emiliano', 'Diego', 'Luis Fernando',
  'Alejandro', 'Nicolás', 'Tomás', 'Joaquín', 'Facundo', 'Andrés Felipe', 'Jhon', 'Cristian', 'Rodrigo',
  'Gustavo', 'Eduardo', 'Juan Carlos', 'Héctor', 'Ricardo', 'Felipe', 'Martín', 'Jorge',
] as const;

// biome-ignore format: compact word list
export const SURNAMES = [
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
  'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez',
  'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina',
  'Morales', 'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias',
  'Medina', 'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto', 'Méndez', 'Cruz',
  'Flores', 'Herrera', 'Peña', 'León', 'Márquez', 'Cabrera', 'Gallego', 'Calvo', 'Vidal', 'Campos', 'Vega',
  'Fuentes', 'Carrasco', 'Reyes', 'Aguilar', 'Puig', 'Ferrer', 'Etxeberria',
] as const;

// biome-ignore format: compact word list
export const LATAM_SURNAMES = [
  'Mendoza', 'Rojas', 'Vargas', 'Castañeda', 'Quispe', 'Mamani', 'Silva', 'Contreras', 'Sepúlveda', 'Salazar',
  'Cárdenas', 'Valencia', 'Acosta', 'Benítez', 'Villalobos', 'Espinoza', 'Zapata', 'Ochoa', 'Bustos', 'Pineda',
] as const;

// biome-ignore format: compact word list
export const ENGLISH_FEMALE = ['Emma', 'Sarah', 'Emily', 'Charlotte', 'Hannah', 'Olivia', 'Jessica', 'Kate'] as const;
// biome-ignore format: compact word list
export const ENGLISH_MALE = ['James', 'Oliver', 'Thomas', 'Daniel', 'Michael', 'Harry', 'George', 'Peter'] as const;
// biome-ignore format: compact word list
export const ENGLISH_SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker', 'Wright',
  'Thompson', "O'Brien", 'Murphy',
] as const;

/** Lower-case ASCII form for email local parts: accents and ñ dropped, spaces and quotes removed. */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
