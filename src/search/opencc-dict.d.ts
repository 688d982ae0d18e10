// opencc-js ships its dictionaries as modules whose default export is the table as text ("醫 医|學 学|…"), without types.
declare module 'opencc-js/dict/TSCharacters' {
	const table: string;
	export default table;
}
