import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSION_KINDS, type DimensionKind } from '../accounting-types';
import { useDimensions } from '../use-accounting-lists';

const PARAM: Record<DimensionKind, string> = {
  cost_centre: 'costCentreId',
  project: 'projectId',
  department: 'departmentId',
};

/** A report's filter by one value of one dimension: the kind, then the value; its query parameter. */
export function useDimensionFilter(companyId: string | null) {
  const [kind, setKind] = useState<DimensionKind | null>(null);
  const [id, setId] = useState<string | null>(null);
  const dims = useDimensions(companyId);
  const params: Record<string, string> = kind && id ? { [PARAM[kind]]: id } : {};
  return { kind, setKind, id, setId, dims, params };
}

export function DimensionFilter({ filter }: { filter: ReturnType<typeof useDimensionFilter> }) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        w={170}
        label={t('accounting.dimension.kindLabel')}
        clearable
        data={DIMENSION_KINDS.map((k) => ({ value: k, label: t(`accounting.dimension.kind.${k}`) }))}
        value={filter.kind}
        onChange={(k) => {
          filter.setKind(k as DimensionKind | null);
          filter.setId(null);
        }}
        data-testid="report-dimension-kind"
      />
      {filter.kind && (
        <Select
          w={200}
          label={t(`accounting.dimension.kind.${filter.kind}`)}
          clearable
          searchable
          data={filter.dims.optionsOf(filter.kind)}
          value={filter.id}
          onChange={filter.setId}
          data-testid="report-dimension"
        />
      )}
    </>
  );
}
