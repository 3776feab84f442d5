'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

type Point = { label: string; firearm: number; other: number };

/**
 * Stacked weekly bars. The figure around it states the totals in words and offers the same data
 * as a table, so the picture is for sighted readers only (aria-hidden) and never the sole source.
 * Firearm-related bars are dark and solid, the others light: told apart by the legend text too.
 */
export function WeeklyChart({ data, summary }: { data: Point[]; summary: string }) {
  return (
    <div className="h-56 w-full sm:h-64" aria-hidden="true" title={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -24 }} barCategoryGap="20%" accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#cbd5e1" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} interval="preserveStartEnd" minTickGap={8} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} width={48} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: '#e0f0f6' }} />
          <Legend wrapperStyle={{ fontSize: 13 }} formatter={(value) => <span style={{ color: '#0f172a' }}>{value}</span>} />
          <Bar dataKey="firearm" name="Firearm-related" stackId="w" fill="#0b4f6c" isAnimationActive={false} />
          <Bar dataKey="other" name="Other" stackId="w" fill="#94a3b8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
