/** Colours offered for instances: distinct in both themes, none mistaken for production red. */
export const profileColours = [
  { value: '#2457c5', label: 'Blue' },
  { value: '#12805c', label: 'Green' },
  { value: '#7b3fc4', label: 'Purple' },
  { value: '#b35c00', label: 'Orange' },
  { value: '#0e7c86', label: 'Teal' },
  { value: '#5f6b7a', label: 'Grey' },
  { value: '#c62828', label: 'Red' },
] as const;

export const defaultProfileColour = profileColours[0].value;
