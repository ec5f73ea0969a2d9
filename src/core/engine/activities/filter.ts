// Filter: keeps the items for which the condition (evaluated with item() = each item) is true.
import type { ActivityHandler } from '../activity-context';
import { ActivityFailure, ErrorCodes, expressionFailure } from '../errors';
import { unwrapExpressionObjects } from '../expression-values';
import { evaluateArray, requireProperty, typeName } from './values';

export const filterActivity: ActivityHandler = async (context) => {
  const items = evaluateArray(context, requireProperty(context, 'items'), 'items');
  const condition = unwrapExpressionObjects(requireProperty(context, 'condition'));
  context.setInput({ items });
  const kept: unknown[] = [];
  for (const item of items) {
    let result: unknown;
    try {
      result = context.run.services.evaluator.evaluateValue(condition, { ...context.scope(), item: { value: item } });
    } catch (error) {
      throw expressionFailure(error, `Activity '${context.activity.name}', condition`);
    }
    if (typeof result !== 'boolean') {
      throw new ActivityFailure(
        `Activity '${context.activity.name}', condition: the expression must evaluate to a boolean, got ${typeName(result)}.`,
        ErrorCodes.invalidTemplate,
      );
    }
    if (result) kept.push(item);
  }
  return { ItemsCount: items.length, FilteredItemsCount: kept.length, Value: kept };
};
