-- placeholder for another helper's migration 015 (branch h43 only; drop at merge)
SELECT 1;
