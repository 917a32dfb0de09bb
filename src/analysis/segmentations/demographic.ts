import { type SegmentationDef, segmentation, valueSegment } from './segmentation.js';

const FEMALE = `('f', 'female', 'woman', 'mujer', 'femenino', 'fem')`;
const MALE = `('m', 'male', 'man', 'hombre', 'masculino', 'varón', 'varon', 'masc')`;

/** Who the customer is: age, gender, income, education, occupation, location. */
export const DEMOGRAPHIC_SEGMENTATIONS: readonly SegmentationDef[] = [
  segmentation({
    name: 'demographic.age_band',
    type: 'demographic',
    doc: 'age on the as-of day (from birth date, else the age column)',
    sql: `CASE WHEN c_age IS NULL OR c_age < 0 OR c_age > 120 THEN 'unknown' WHEN c_age < 18 THEN 'under_18'
      WHEN c_age < 25 THEN '18-24' WHEN c_age < 35 THEN '25-34' WHEN c_age < 45 THEN '35-44'
      WHEN c_age < 55 THEN '45-54' WHEN c_age < 65 THEN '55-64' ELSE '65+' END`,
    segments: {
      under_18: 'under 18',
      '18-24': '18 to 24',
      '25-34': '25 to 34',
      '35-44': '35 to 44',
      '45-54': '45 to 54',
      '55-64': '55 to 64',
      '65+': '65 or older',
      unknown: 'no birth date or age',
    },
  }),
  segmentation({
    name: 'demographic.gender',
    type: 'demographic',
    doc: 'gender as recorded (English and Spanish spellings)',
    sql: `CASE WHEN c_gender IS NULL THEN 'unknown' WHEN c_gender IN ${FEMALE} THEN 'female'
      WHEN c_gender IN ${MALE} THEN 'male' ELSE 'other' END`,
    segments: { female: 'female', male: 'male', other: 'another recorded value', unknown: 'not recorded' },
  }),
  segmentation({
    name: 'demographic.income_band',
    type: 'demographic',
    doc: 'income quintile: within the country when it has >= 50 recorded incomes (units differ by country), else overall',
    sql: `CASE WHEN c_income IS NULL THEN 'unknown'
      ELSE ['low', 'lower_middle', 'middle', 'upper_middle', 'high'][income_q] END`,
    segments: {
      low: 'bottom 20%',
      lower_middle: '20-40%',
      middle: '40-60%',
      upper_middle: '60-80%',
      high: 'top 20%',
      unknown: 'no income recorded',
    },
  }),
  segmentation({
    name: 'demographic.education',
    type: 'demographic',
    doc: 'education level as recorded',
    sql: valueSegment('education'),
    valuesFrom: 'customers.education',
  }),
  segmentation({
    name: 'demographic.occupation',
    type: 'demographic',
    doc: 'occupation as recorded',
    sql: valueSegment('occupation'),
    valuesFrom: 'customers.occupation',
  }),
  segmentation({
    name: 'demographic.country',
    type: 'demographic',
    doc: 'country code as recorded',
    sql: valueSegment('country'),
    valuesFrom: 'customers.country',
  }),
  segmentation({
    name: 'demographic.region',
    type: 'demographic',
    doc: 'region or state as recorded',
    sql: valueSegment('region'),
    valuesFrom: 'customers.region',
  }),
];
