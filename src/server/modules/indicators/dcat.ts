import type { DatasetRow } from './opendata';

/**
 * The DCAT-AP catalogue (DCAT-AP 2.1 / 3.0: dcat:Catalog with dcat:Dataset and dcat:Distribution) as JSON-LD. The
 * @context is written inline, so a JSON-LD processor needs nothing from the network to expand it.
 */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;

const FREQUENCY: Record<string, string> = {
  monthly: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
  quarterly: 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
  yearly: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
};
const LICENSE: Record<string, string> = {
  'cc-by-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'odc-by': 'https://opendatacommons.org/licenses/by/1-0/',
  'cc-zero': 'https://creativecommons.org/publicdomain/zero/1.0/',
};
const dateTime = (value: Date | string) => ({ '@value': new Date(value).toISOString(), '@type': 'xsd:dateTime' });

export function dcatCatalog(rows: readonly DatasetRow[], base: string) {
  const catalogId = `${base}/api/v1/open-data/catalog.jsonld`;
  const datasets = rows.map((row) => {
    const datasetId = `${base}/data-terbuka/${row.name}`;
    const distribution = (format: 'CSV' | 'JSON', resourceId: string) => ({
      '@id': `${base}/api/v1/open-data/datasets/${row.name}.${format.toLowerCase()}#${resourceId}`,
      '@type': 'dcat:Distribution',
      'dct:identifier': resourceId,
      'dct:title': `${row.title} (${format})`,
      'dcat:accessURL': { '@id': datasetId },
      'dcat:downloadURL': { '@id': `${base}/api/v1/open-data/datasets/${row.name}.${format.toLowerCase()}` },
      'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${format}` },
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${format === 'CSV' ? 'text/csv' : 'application/json'}` },
      'dct:license': { '@id': LICENSE[row.license_id] ?? row.license_id },
    });
    return {
      '@id': datasetId,
      '@type': 'dcat:Dataset',
      'dct:identifier': row.name,
      'dct:title': [
        { '@value': row.title, '@language': 'id' },
        { '@value': row.name_en, '@language': 'en' },
      ],
      'dct:description': { '@value': row.notes, '@language': 'id' },
      'dcat:keyword': row.tags,
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': row.opd_name },
      'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': row.opd_name },
      'dct:issued': dateTime(row.created_at),
      'dct:modified': dateTime(row.updated_at),
      'dct:accrualPeriodicity': { '@id': FREQUENCY[row.periodicity] ?? FREQUENCY.yearly },
      'dct:spatial': { '@type': 'dct:Location', 'dct:identifier': row.kode_wilayah, 'foaf:name': row.pemda_name },
      'dct:conformsTo': { '@id': `${base}/api/v1/open-data/datasets/${row.name}.json#metadata` },
      'adms:versionNotes': row.synthetic ? 'Data sintetis untuk demo, bukan data resmi.' : '',
      'dcat:distribution': [distribution('CSV', row.csv_resource_id), distribution('JSON', row.json_resource_id)],
    };
  });
  return {
    '@context': DCAT_CONTEXT,
    '@graph': [
      {
        '@id': catalogId,
        '@type': 'dcat:Catalog',
        'dct:title': { '@value': 'Katalog Data Terbuka Pamong', '@language': 'id' },
        'dct:description': { '@value': 'Dataset indikator wilayah yang diterbitkan walidata Pemda (Satu Data Indonesia).', '@language': 'id' },
        'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': 'Pamong' },
        'foaf:homepage': { '@id': `${base}/data-terbuka` },
        'dcat:dataset': datasets.map((d) => ({ '@id': d['@id'] })),
      },
      ...datasets,
    ],
  };
}
